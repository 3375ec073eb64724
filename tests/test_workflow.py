"""Workflow plumbing: unused and file-level noqa, --add-noqa, baseline, stdin, progress, dependents.

Each test builds a tiny project under ``tmp_path`` with its own ``pytest.ini`` (so config
discovery never reaches the repository) and runs the command line through ``CliRunner``
with the project as the current folder, unless it says otherwise.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from asynclint.cli import main

# One ASL201 at 6:5.
UNAWAITED = """\
async def fetch():
    return 1


def test_fetch():
    fetch()
"""


def write(root: Path, files: dict[str, str]) -> Path:
    files = {"pytest.ini": "[pytest]\n", **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


def invoke(*args: str, input: str | None = None, env: dict[str, str | None] | None = None) -> Result:
    base: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "CI": None, "COLUMNS": None}
    base.update(env or {})
    return CliRunner().invoke(main, list(args), input=input, env=base, catch_exceptions=False)


def findings(stdout: str) -> list[tuple[str, int, str]]:
    """(path, line, code) of each concise line."""
    return [(m["path"], int(m["line"]), m["code"]) for m in re.finditer(r"^(?P<path>\S+?):(?P<line>\d+):\d+: (?P<code>ASL\d{3})", stdout, re.M)]


# ---------------------------------------------------------------------------
# noqa: unused codes (ASL001) and the file-level form
# ---------------------------------------------------------------------------


def test_unused_noqa_is_reported_and_fixed(project: Path) -> None:
    source = UNAWAITED.replace("    fetch()\n", "    fetch()  # noqa: ASL201\n    await_me = 1  # noqa: ASL201, E501\n")
    write(project, {"test_a.py": source})
    result = invoke("--no-cache", "--output-format", "concise")
    assert findings(result.stdout) == [("test_a.py", 7, "ASL001")]
    assert "unused noqa directive (unused: ASL201)" in result.stdout
    assert result.exit_code == 1
    fixed = invoke("--no-cache", "--fix", "--output-format", "concise")
    assert fixed.exit_code == 0, fixed.output
    assert (project / "test_a.py").read_text().splitlines()[6] == "    await_me = 1  # noqa: E501"


def test_unused_noqa_judges_only_enabled_rules(project: Path) -> None:
    write(project, {"test_a.py": "def test_x():\n    pass  # noqa: ASL201\n"})
    assert findings(invoke("--no-cache", "--output-format", "concise").stdout) == [("test_a.py", 2, "ASL001")]
    # ASL201 disabled: its code may be needed by a run that enables it
    assert invoke("--no-cache", "--output-format", "concise", "--ignore", "ASL201").stdout == ""
    # ASL001 itself disabled
    assert invoke("--no-cache", "--output-format", "concise", "--ignore", "ASL001").stdout == ""


def test_file_level_noqa_with_codes(project: Path) -> None:
    write(
        project,
        {
            "test_top.py": "# asynclint: noqa: ASL201, ASL301\n" + UNAWAITED,
            "test_other_code.py": "# asynclint: noqa: ASL301\n" + UNAWAITED,
            "test_line21.py": "\n" * 20 + "# asynclint: noqa: ASL201\n" + UNAWAITED,
            "test_bare.py": "# asynclint: noqa\n" + UNAWAITED,
        },
    )
    found = findings(invoke("--no-cache", "--output-format", "concise").stdout)
    assert found == [
        ("test_line21.py", 27, "ASL201"),
        ("test_other_code.py", 1, "ASL001"),
        ("test_other_code.py", 7, "ASL201"),
        ("test_top.py", 1, "ASL001"),  # ASL301 suppresses nothing in the file
    ]
