"""No fatal file, and no linted code ever run.

A file asynclint cannot lint (a bug in a rule, recursion, memory, an unreadable or vanished
file, a worker process that dies) is reported for that file: one ``asynclint: error:`` line
on stderr, an ``ASL-INTERNAL`` item in JSON, exit code 2 even with ``--exit-zero``; every
other file is still linted and reported.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from conftest import invoke as invoke_cli
from conftest import write as write_files

from asynclint.cli import check as cli_check
from asynclint.config.settings import load_settings
from asynclint.engine import runner
from asynclint.engine.discovery import SourceFile, discover
from asynclint.rules import BY_CODE
from asynclint.rules.base import Finding
from asynclint.semantics.context import FileContext

# One ASL201 at 6:5 and nothing else.
UNAWAITED = """\
async def fetch():
    return 1


async def test_fetch():
    fetch()
"""


AUTO_MODE = "[pytest]\nasyncio_mode = auto\n"


def write(root: Path, files: dict[str, str]) -> Path:
    return write_files(root, files, ini=AUTO_MODE)


def invoke(*args: str) -> Result:
    return invoke_cli("--no-cache", *args)


def fail_on(monkeypatch: pytest.MonkeyPatch, filename: str, exc: BaseException) -> None:
    """Make ASL201's check raise ``exc`` for ``filename`` only (inherited by forked workers)."""
    rule = BY_CODE["ASL201"]
    original = rule.check

    def check(self, ctx: FileContext) -> list[Finding]:
        if ctx.path.name == filename:
            raise exc
        return original(self, ctx)

    monkeypatch.setattr(rule, "check", check)


def assert_reported(result: Result, path: str, *fragments: str) -> None:
    """Exit 2 and exactly one error line, naming ``path`` and the failure; no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("asynclint: error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"asynclint: error: {path}: ")
    for fragment in fragments:
        assert fragment in errors[0]


@pytest.mark.parametrize(
    ("exc", "shown"),
    [
        (RuntimeError("rule bug"), "internal error: RuntimeError: rule bug"),
        (RecursionError("maximum recursion depth exceeded"), "internal error: RecursionError: maximum recursion"),
        (MemoryError(), "internal error: MemoryError"),
    ],
    ids=["exception", "recursion", "memory"],
)
def test_a_failing_rule_costs_one_file_not_the_run(
    project: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException, shown: str
) -> None:
    write(project, {"test_a.py": UNAWAITED, "test_b.py": UNAWAITED, "test_c.py": UNAWAITED})
    fail_on(monkeypatch, "test_b.py", exc)
    result = invoke("--output-format", "concise")
    assert_reported(result, "test_b.py", shown)
    assert [line.split(" ")[:2] for line in result.stdout.splitlines()] == [
        ["test_a.py:6:5:", "ASL201"],
        ["test_c.py:6:5:", "ASL201"],
    ]
    assert invoke("--output-format", "concise", "--exit-zero").exit_code == 2
    text = invoke()
    assert text.exit_code == 2 and "test_a.py" in text.stdout and "test_c.py" in text.stdout


def test_json_reports_the_failed_file_among_the_findings(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {"test_a.py": UNAWAITED, "test_b.py": UNAWAITED})
    fail_on(monkeypatch, "test_a.py", RecursionError("maximum recursion depth exceeded"))
    result = invoke("--output-format", "json", "--exit-zero")
    assert_reported(result, "test_a.py", "RecursionError")
    items = json.loads(result.stdout)
    assert [(i["path"], i["code"]) for i in items] == [("test_a.py", "ASL-INTERNAL"), ("test_b.py", "ASL201")]
    error = items[0]
    assert error == {
        "schema_version": 2,
        "code": "ASL-INTERNAL",
        "name": "internal-error",
        "message": "internal error: RecursionError: maximum recursion depth exceeded",
        "path": "test_a.py",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "fix": None,
        "url": None,
    }
    assert set(error) == set(items[1])  # one shape for every item


def test_an_unreadable_file_is_reported_and_the_rest_linted(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {"test_a.py": UNAWAITED, "test_b.py": UNAWAITED})
    read_bytes = Path.read_bytes

    def unreadable(self: Path) -> bytes:
        if self.name == "test_a.py":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable)  # chmod 000 does not stop root
    result = invoke("--output-format", "concise")
    assert_reported(result, "test_a.py", "cannot read the file: Permission denied")
    assert [line.split(" ")[:2] for line in result.stdout.splitlines()] == [["test_b.py:6:5:", "ASL201"]]


def test_a_folder_named_like_a_test_file_is_reported(project: Path) -> None:
    """Named on the command line, it is taken as a file: reading it fails like an unreadable one."""
    write(project, {"test_b.py": UNAWAITED})
    (project / "test_dir.py").mkdir()
    files = [SourceFile(project / "test_dir.py", "test_dir.py"), *discover(["test_b.py"])]
    result = runner.run(files, load_settings(project), use_cache=False, jobs=1)
    assert [(e.path, e.message) for e in result.errors] == [("test_dir.py", "cannot read the file: Is a directory")]
    assert [d.path for d in result.diagnostics] == ["test_b.py"]


def test_a_file_deleted_mid_run_is_reported(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {"test_a.py": UNAWAITED, "test_b.py": UNAWAITED})

    def discover_then_delete(paths: list[str], *args: object, **kwargs: object) -> list[SourceFile]:
        found = discover(paths, *args, **kwargs)  # type: ignore[arg-type]
        (project / "test_a.py").unlink()
        return found

    monkeypatch.setattr(cli_check, "discover", discover_then_delete)
    result = invoke("--output-format", "concise")
    assert_reported(result, "test_a.py", "cannot read the file: No such file or directory")
    assert [line.split(" ")[:2] for line in result.stdout.splitlines()] == [["test_b.py:6:5:", "ASL201"]]


def test_fix_goes_on_past_a_failing_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project, {"test_a.py": UNAWAITED, "test_b.py": UNAWAITED})
    fail_on(monkeypatch, "test_a.py", RuntimeError("rule bug"))
    result = invoke("--fix", "--output-format", "concise")
    assert_reported(result, "test_a.py", "internal error: RuntimeError: rule bug")
    assert "await fetch()" in (project / "test_b.py").read_text()
    assert (project / "test_a.py").read_text() == UNAWAITED
    diff = invoke("--diff")
    assert diff.exit_code == 2


needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the monkeypatched rule reaches workers only by fork"
)


@needs_fork
def test_a_failing_file_in_the_process_pool(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = runner.PARALLEL_THRESHOLD + 4
    write(project, {f"test_{i:03}.py": UNAWAITED for i in range(count)})
    fail_on(monkeypatch, "test_007.py", RecursionError("maximum recursion depth exceeded"))
    result = invoke("--output-format", "json", "--jobs", "2")
    assert_reported(result, "test_007.py", "RecursionError")
    items = json.loads(result.stdout)
    assert len(items) == count
    assert [i["path"] for i in items if i["code"] == "ASL201"] == [f"test_{i:03}.py" for i in range(count) if i != 7]


@needs_fork
def test_a_worker_that_dies_costs_only_its_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = runner.PARALLEL_THRESHOLD + 4
    write(project, {f"test_{i:03}.py": UNAWAITED for i in range(count)})
    rule = BY_CODE["ASL201"]
    original = rule.check
    main_pid = os.getpid()

    def check(self, ctx: FileContext) -> list[Finding]:
        if ctx.path.name == "test_011.py" and os.getpid() != main_pid:
            os._exit(70)  # what a crash in native code or the out-of-memory killer looks like
        return original(self, ctx)

    monkeypatch.setattr(rule, "check", check)
    result = invoke("--output-format", "concise", "--jobs", "2")
    assert_reported(result, "test_011.py", "internal error: the worker process linting it died")
    assert [line.split(" ")[0] for line in result.stdout.splitlines()] == [
        f"test_{i:03}.py:6:5:" for i in range(count) if i != 11
    ]


# ---------------------------------------------------------------------------
# asynclint reads code; it never runs it
# ---------------------------------------------------------------------------

_SIDE_EFFECT = "import pathlib; pathlib.Path({marker!r}).write_text('ran')\n"


def test_linted_code_is_never_executed(tmp_path: Path) -> None:
    exe = shutil.which("asynclint")
    if exe is None:
        pytest.skip("the asynclint console script is not on PATH")
    root = tmp_path / "proj"
    markers = tmp_path / "markers"
    markers.mkdir()

    def effect(name: str) -> str:
        return _SIDE_EFFECT.format(marker=str(markers / name))

    files = {
        "pytest.ini": "[pytest]\npythonpath = src\naddopts = -p myplugin\n",
        "setup.py": effect("setup.py") + "from setuptools import setup\nsetup(name='x')\n",
        "conftest.py": effect("conftest.py") + "pytest_plugins = ['myplugin']\n",
        "src/myplugin.py": effect("myplugin.py"),
        "src/app/__init__.py": effect("app_init.py"),
        "src/app/service.py": effect("service.py") + "async def fetch():\n    return 1\n",
        "tests/conftest.py": effect("tests_conftest.py"),
        "tests/test_x.py": effect("test_x.py")
        + "from app.service import fetch\n\n\nasync def test_x():\n    fetch()\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    runs = [
        ["--output-format", "json", "."],
        ["--diff", "--unsafe-fixes", "."],
        ["--fix", "--unsafe-fixes", "."],
        ["config", "."],
        ["config", "tests/test_x.py"],
    ]
    for base in ([exe], [sys.executable, "-m", "asynclint"]):
        for args in runs:
            done = subprocess.run([*base, *args], check=False, cwd=root, capture_output=True, text=True, timeout=120)
            assert "Traceback" not in done.stderr, done.stderr
            assert done.returncode in (0, 1), (args, done.returncode, done.stderr)
    assert "await fetch()" in (root / "tests/test_x.py").read_text()  # the premise: --fix did its work
    assert sorted(os.listdir(markers)) == []
