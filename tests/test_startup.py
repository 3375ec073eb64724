"""Start-up: a command imports only what it needs (a behaviour test, never a timed one).

A pre-commit hook or an editor starts asynclint many times a day; ``--version`` and
``--help`` must not import libcst, the engine or the rules, and ``check`` must not import
what only other commands or report formats use. Each case runs a fresh interpreter, since
this test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from asynclint.cli import COMMANDS, main

PROBE = """
import json, sys
from asynclint.cli import main
try:
    main(sys.argv[1:], prog_name="asynclint")
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write("\\n@@MODULES@@" + json.dumps(sorted(sys.modules)))
"""

HEAVY = ("libcst", "asynclint.engine", "asynclint.rules", "rich.markdown", "asynclint.server", "pygls")


def imported_by(args: list[str], cwd: Path) -> set[str]:
    """The modules a fresh ``asynclint ARGS`` has imported when it finishes."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1"},
        timeout=120,
    )
    _, marker, modules = proc.stderr.rpartition("\n@@MODULES@@")
    assert marker, proc.stderr
    return set(json.loads(modules))


def loaded(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["-h"], ["rule", "--help"], ["rules", "--help"]])
def test_version_and_help_import_no_linter(args: list[str], tmp_path: Path) -> None:
    modules = imported_by(args, tmp_path)
    for package in HEAVY:
        assert loaded(modules, package) == [], f"asynclint {' '.join(args)} imports {package}"


def test_check_imports_no_other_command_or_unused_format(tmp_path: Path) -> None:
    (tmp_path / "test_a.py").write_text("async def test_a():\n    pass\n")
    modules = imported_by(["check", "--no-cache", "--output-format", "concise", "test_a.py"], tmp_path)
    assert "asynclint.engine.runner" in modules  # it did lint
    for unused in (
        "rich.markdown",
        "rich.table",
        "asynclint.server",
        "asynclint.report.sarif",
        "asynclint.report.junit",
        "asynclint.report.gitlab",
        "asynclint.cli.rules",
        "asynclint.cli.config",
    ):
        assert loaded(modules, unused) == [], f"check imports {unused}"


def test_a_warm_run_of_an_unchanged_project_imports_no_linter(tmp_path: Path) -> None:
    """Every file answered by the cache: libcst, the rules and the linter stay unloaded."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_a.py").write_text("import pytest\n\n@pytest.mark.anyio\nasync def test_a():\n    pass\n")
    (tmp_path / "test_b.py").write_text("async def test_b():\n    pass\n")
    args = ["check", "--cache-dir", "cache", "--output-format", "concise", "."]
    assert "asynclint.engine.linter" in imported_by(args, tmp_path)  # the cold run lints
    modules = imported_by(args, tmp_path)
    for package in ("libcst", "asynclint.rules", "asynclint.engine.linter", "asynclint.engine.runner"):
        assert loaded(modules, package) == [], f"a warm run imports {package}"


@pytest.mark.parametrize("width", [40, 80, 200])
def test_the_command_list_says_what_each_command_says(width: int) -> None:
    """``--help`` lists the commands from ``COMMANDS`` without importing them: that table
    must give the same short help as each command's own docstring, at every width."""
    ctx = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
        limit = width - 6 - max(len(n) for n in COMMANDS)
        stand_in = click.Command(name, help=COMMANDS[name].help)
        assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit)


@pytest.mark.parametrize("args", [["rules"], ["rule", "ASL201"], ["rule", "unawaited-coroutine"]])
def test_rule_listing_reads_the_catalogue_not_the_rules(args: list[str], tmp_path: Path) -> None:
    """``rules`` and ``rule`` print metadata the catalogue reads from the rule modules'
    source: neither imports a rule, the engine or libcst."""
    modules = imported_by(args, tmp_path)
    assert "asynclint.catalogue" in modules
    for package in ("libcst", "asynclint.engine", "asynclint.rules", "asynclint.server"):
        assert loaded(modules, package) == [], f"asynclint {' '.join(args)} imports {package}"


def test_a_path_without_a_command_is_checked(tmp_path: Path) -> None:
    """``asynclint PATH`` still means ``asynclint check PATH`` with lazily loaded commands."""
    (tmp_path / "test_a.py").write_text("import asyncio\n\nasync def test_a():\n    asyncio.sleep(1)\n")
    proc = subprocess.run(
        [sys.executable, "-m", "asynclint", "--no-cache", "--output-format", "concise", "test_a.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "test_a.py:4:5: ASL201" in proc.stdout
