"""Workflow plumbing: unused and file-level noqa, --add-noqa, baseline, stdin, progress, dependents.

Each test builds a tiny project under ``tmp_path`` with its own ``pytest.ini`` (so config
discovery never reaches the repository) and runs the command line through ``CliRunner``
with the project as the current folder, unless it says otherwise.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import UNAWAITED, invoke, write
from rich.console import Console

from asynclint.engine.dependents import with_dependents
from asynclint.engine.discovery import discover
from asynclint.report import progress


def findings(stdout: str) -> list[tuple[str, int, str]]:
    """(path, line, code) of each concise line."""
    return [
        (m["path"], int(m["line"]), m["code"])
        for m in re.finditer(r"^(?P<path>\S+?):(?P<line>\d+):\d+: (?P<code>ASL\d{3})", stdout, re.M)
    ]


# ---------------------------------------------------------------------------
# Unused noqa codes (ASL001) and the file-level form
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


# ---------------------------------------------------------------------------
# Baseline
# ---------------------------------------------------------------------------

LEGACY = """\
import time

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_one():
    fetch()
    time.sleep(1)


class TestGroup:
    @pytest.mark.asyncio
    async def test_two(self):
        fetch()
"""


def test_write_baseline_is_sorted_stable_json(project: Path) -> None:
    write(project, {"tests/test_legacy.py": LEGACY})
    result = invoke("--no-cache", "--write-baseline", "baseline.json")
    assert result.exit_code == 0, result.output
    assert "Wrote 3 findings (3 entries) to baseline.json." in result.stderr
    data = json.loads((project / "baseline.json").read_text())
    assert data["schema_version"] == 1
    assert data["findings"] == [
        {
            "path": "tests/test_legacy.py",
            "scope": "TestGroup.test_two",
            "code": "ASL201",
            "source": "fetch()",
            "count": 1,
        },
        {"path": "tests/test_legacy.py", "scope": "test_one", "code": "ASL201", "source": "fetch()", "count": 1},
        {"path": "tests/test_legacy.py", "scope": "test_one", "code": "ASL301", "source": "time.sleep(1)", "count": 1},
    ]
    first = (project / "baseline.json").read_bytes()
    invoke("--no-cache", "--write-baseline", "baseline.json")
    assert (project / "baseline.json").read_bytes() == first


def test_baseline_hides_recorded_findings_and_survives_unrelated_edits(project: Path) -> None:
    write(project, {"tests/test_legacy.py": LEGACY})
    invoke("--no-cache", "--write-baseline", "baseline.json")
    clean = invoke("--no-cache", "--baseline", "baseline.json")
    assert clean.exit_code == 0, clean.output
    assert "Baseline: 3 findings matched (not shown); 0 stale entries." in clean.stdout
    # lines and a function inserted above, blanks changed around the code: still the same findings
    edited = LEGACY.replace("import time\n", "import time\nimport os\n\n\ndef helper():\n    pass\n").replace(
        "    fetch()\n    time", "    if True:\n        fetch()   \n    time"
    )
    (project / "tests/test_legacy.py").write_text(edited)
    still = invoke("--no-cache", "--baseline", "baseline.json", "--output-format", "concise")
    assert still.exit_code == 0, still.output
    assert still.stdout == ""
    assert "Baseline: 3 findings matched (not shown); 0 stale entries." in still.stderr


def test_baseline_reports_changed_lines_and_counts_stale_entries(project: Path) -> None:
    write(project, {"tests/test_legacy.py": LEGACY})
    invoke("--no-cache", "--write-baseline", "baseline.json")
    # the sleep line changes (reported, its old entry stale); the class's finding is removed (stale)
    edited = LEGACY.replace("time.sleep(1)", "time.sleep(2)").replace("        fetch()\n", "        await fetch()\n")
    (project / "tests/test_legacy.py").write_text(edited)
    result = invoke("--no-cache", "--baseline", "baseline.json", "--output-format", "concise")
    assert findings(result.stdout) == [("tests/test_legacy.py", 13, "ASL301")]
    assert result.exit_code == 1
    assert (
        "Baseline: 1 finding matched (not shown); 2 stale entries (fixed or changed; refresh with --write-baseline)."
        in result.stderr
    )


def test_baseline_counts_identical_findings(project: Path) -> None:
    twice = LEGACY.replace("    fetch()\n    time", "    fetch()\n    fetch()\n    time")
    write(project, {"tests/test_legacy.py": LEGACY})
    invoke("--no-cache", "--write-baseline", "baseline.json")
    (project / "tests/test_legacy.py").write_text(twice)
    result = invoke("--no-cache", "--baseline", "baseline.json", "--output-format", "concise")
    assert findings(result.stdout) == [("tests/test_legacy.py", 13, "ASL201")]  # the second is new


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "cannot read the baseline"),
        ('{"schema_version": 99, "findings": []}', "unsupported baseline schema_version 99"),
        ('{"schema_version": 1, "findings": [{"path": "x"}]}', "malformed baseline entry"),
    ],
)
def test_bad_baseline_is_a_usage_error(project: Path, content: str | None, message: str) -> None:
    write(project, {"test_a.py": UNAWAITED})
    if content is not None:
        (project / "baseline.json").write_text(content)
    result = invoke("--no-cache", "--baseline", "baseline.json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------
# --add-noqa
# ---------------------------------------------------------------------------


def test_add_noqa_appends_merges_and_skips_multiline_strings(project: Path) -> None:
    source = '''\
        import time

        import pytest


        async def fetch():
            return 1


        @pytest.mark.asyncio
        async def test_one():
            fetch()
            time.sleep(1)  # noqa: E501
            time.sleep(2)  # slow on purpose
            fetch(); text = """
            text"""
            x = fetch() \\
                or 1
        '''
    write(project, {"test_a.py": source})
    before = invoke("--no-cache", "--output-format", "concise")
    assert len(findings(before.stdout)) == 5
    result = invoke("--no-cache", "--add-noqa")
    assert "Added noqa for 3 findings in 1 file." in result.stderr
    assert "test_a.py:15: line ends inside a multi-line string or a continuation" in result.stderr
    assert "test_a.py:17: line ends inside" in result.stderr
    assert result.exit_code == 1
    lines = (project / "test_a.py").read_text().splitlines()
    assert lines[11] == "    fetch()  # noqa: ASL201"
    assert lines[12] == "    time.sleep(1)  # noqa: E501, ASL301"
    assert lines[13] == "    time.sleep(2)  # slow on purpose  # noqa: ASL301"
    after = invoke("--no-cache", "--output-format", "concise")
    assert [line for _, line, _ in findings(after.stdout)] == [15, 17]
    compile((project / "test_a.py").read_text(), "test_a.py", "exec")


def test_add_noqa_keeps_crlf_and_reports_nothing_to_do(project: Path) -> None:
    (project / "pytest.ini").write_text("[pytest]\n")
    (project / "test_a.py").write_bytes(UNAWAITED.replace("\n", "\r\n").encode())
    result = invoke("--no-cache", "--add-noqa")
    assert result.exit_code == 0, result.output
    assert (project / "test_a.py").read_bytes().splitlines(keepends=True)[5] == b"    fetch()  # noqa: ASL201\r\n"
    again = invoke("--no-cache", "--add-noqa")
    assert "Added noqa for 0 findings in 0 files." in again.stderr


# ---------------------------------------------------------------------------
# Standard input
# ---------------------------------------------------------------------------


def test_stdin_is_linted_as_the_named_file_of_its_project(project: Path) -> None:
    write(
        project,
        {
            "pyproject.toml": '[tool.asynclint]\nignore = ["ASL301"]\n',
            "pytest.ini": "[pytest]\nasyncio_mode = auto\n",
            "app/__init__.py": "",
            "app/service.py": "async def compute():\n    return 1\n",
        },
    )
    source = (
        "import time\n\nfrom app.service import compute\n\n\nasync def test_c():\n    compute()\n    time.sleep(1)\n"
    )
    result = invoke(
        "check", "--no-cache", "--output-format", "concise", "--stdin-filename", "tests/test_c.py", "-", input=source
    )
    # ASL201 through the project index (app.service); ASL301 ignored by the project's config;
    # no ASL101: asyncio_mode = auto from the project's pytest.ini
    assert findings(result.stdout) == [("tests/test_c.py", 7, "ASL201")]
    assert result.exit_code == 1
    assert not (project / "tests").exists()


def test_stdin_fix_writes_only_the_fixed_text_to_stdout(project: Path) -> None:
    write(project, {})
    source = "import time\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_s():\n    time.sleep(1)\n"
    result = invoke("--no-cache", "--fix", "--stdin-filename", "test_s.py", input=source)
    assert result.exit_code == 0, result.output
    assert "await asyncio.sleep(1)" in result.stdout
    assert "import asyncio" in result.stdout
    compile(result.stdout, "test_s.py", "exec")
    assert result.stderr == ""
    unfixable = invoke("--no-cache", "--fix", "--stdin-filename", "test_u.py", input=UNAWAITED)
    assert unfixable.stdout == UNAWAITED
    assert findings(unfixable.stderr) == [("test_u.py", 6, "ASL201")]
    assert unfixable.exit_code == 1


def test_stdin_misuse_is_a_usage_error(project: Path) -> None:
    write(project, {"test_a.py": UNAWAITED})
    mixed = invoke("--no-cache", "-", "test_a.py", input="")
    assert mixed.exit_code == 2 and "linted alone" in mixed.stderr
    diff = invoke("--no-cache", "--diff", "--stdin-filename", "t.py", input="")
    assert diff.exit_code == 2 and "do not apply to standard input" in diff.stderr


def test_stdin_in_a_real_subprocess(project: Path) -> None:
    write(project, {})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "asynclint",
            "check",
            "--no-cache",
            "--output-format",
            "concise",
            "--stdin-filename",
            "test_p.py",
            "-",
        ],
        input=UNAWAITED,
        capture_output=True,
        text=True,
        cwd=project,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert findings(done.stdout) == [("test_p.py", 6, "ASL201")]


# ---------------------------------------------------------------------------
# Changed files and their dependents (pre-commit), settings per file
# ---------------------------------------------------------------------------

APP = {
    "app/__init__.py": "",
    "app/core.py": "async def compute():\n    return 1\n",
    "app/service.py": "from app.core import compute\n\n\ndef twice():\n    return compute, compute\n",
    "tests/test_direct.py": "from app.core import compute\n\n\ndef test_direct():\n    compute()\n",
    "tests/test_transitive.py": "from app.service import twice\n\n\ndef test_transitive():\n    twice()\n",
    "tests/test_unrelated.py": UNAWAITED,
    "tests/fixtures/conftest.py": "import pytest\n\n\n@pytest.fixture\ndef value():\n    return 1\n",
    "tests/fixtures/test_uses_fixture.py": "def test_value(value):\n    assert value == 1\n",
    "tests/plugin/conftest.py": "from app.service import twice\n",
    "tests/plugin/test_under_plugin.py": "def test_plain():\n    pass\n",
}


def _selected(project: Path, *changed: str) -> list[str]:
    return [f.display for f in with_dependents(discover(list(changed)))]


def test_dependents_of_an_app_module(project: Path) -> None:
    write(project, APP)
    assert _selected(project, "app/core.py") == [
        "tests/plugin/conftest.py",  # imports app.service -> app.core
        "tests/plugin/test_under_plugin.py",  # its conftest.py does
        "tests/test_direct.py",
        "tests/test_transitive.py",  # through app.service
    ]
    assert _selected(project, "app/service.py") == [
        "tests/plugin/conftest.py",
        "tests/plugin/test_under_plugin.py",
        "tests/test_transitive.py",
    ]


def test_dependents_of_a_conftest_and_of_a_test(project: Path) -> None:
    write(project, APP)
    assert _selected(project, "tests/fixtures/conftest.py") == [
        "tests/fixtures/conftest.py",
        "tests/fixtures/test_uses_fixture.py",
    ]
    assert _selected(project, "tests/test_unrelated.py") == ["tests/test_unrelated.py"]
    assert _selected(project, "app/__init__.py") == [  # importing app.core runs app/__init__.py
        "tests/plugin/conftest.py",
        "tests/plugin/test_under_plugin.py",
        "tests/test_direct.py",
        "tests/test_transitive.py",
    ]


def test_dependents_flag_lints_tests_broken_by_an_app_change(project: Path) -> None:
    write(project, APP)
    plain = invoke("--no-cache", "--output-format", "concise", "app/core.py")
    assert findings(plain.stdout) == []  # a named app module is linted as itself: nothing to say
    result = invoke("--no-cache", "--dependents", "app/core.py", "app/service.py")
    assert result.exit_code == 1
    assert "tests/test_direct.py" in result.stdout
    assert "1 finding in 1 file; 4 files checked" in result.stdout
    assert "app/core.py" not in result.stdout.splitlines()  # no file header: the module itself is not linted


def test_settings_come_from_each_files_config_in_any_order(project: Path) -> None:
    write(
        project,
        {
            "a/pyproject.toml": '[tool.asynclint]\nignore = ["ASL201"]\n',
            "a/pytest.ini": "[pytest]\n",
            "a/test_x.py": UNAWAITED,
            "b/pytest.ini": "[pytest]\n",
            "b/test_x.py": UNAWAITED,
        },
    )
    forward = invoke("--no-cache", "--output-format", "concise", "a/test_x.py", "b/test_x.py")
    backward = invoke("--no-cache", "--output-format", "concise", "b/test_x.py", "a/test_x.py")
    assert findings(forward.stdout) == findings(backward.stdout) == [("b/test_x.py", 6, "ASL201")]


# ---------------------------------------------------------------------------
# Progress bar
# ---------------------------------------------------------------------------


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_progress_only_on_a_terminal_outside_ci() -> None:
    assert progress.wanted(_Stream(True), quiet=False, environ={})
    assert not progress.wanted(_Stream(False), quiet=False, environ={})
    assert not progress.wanted(_Stream(True), quiet=True, environ={})
    assert not progress.wanted(_Stream(True), quiet=False, environ={"CI": "true"})
    assert progress.wanted(_Stream(True), quiet=False, environ={"CI": "false"})


def test_progress_bar_appears_after_the_delay_and_is_erased() -> None:
    stream = _Stream(True)
    console = Console(file=stream, force_terminal=True, width=80)
    bar = progress.RunProgress(console, delay=3600)
    bar(1, 2, 0)
    assert stream.getvalue() == ""  # a quick run never shows it
    bar = progress.RunProgress(console, delay=0)
    bar(1, 2, 5)
    bar.close()
    assert "1/2" in stream.getvalue() and "5 findings" in stream.getvalue()


def test_no_progress_output_when_stderr_is_not_a_terminal(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    write(project, {f"test_{n}.py": UNAWAITED for n in range(3)})
    result = invoke("--no-cache", "--output-format", "concise")
    assert result.exit_code == 1
    assert result.stderr == ""


# ---------------------------------------------------------------------------
# The README's workflow examples are what asynclint prints
# ---------------------------------------------------------------------------

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_baseline_and_unused_noqa_examples(project: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    env: dict[str, str | None] = {"NO_COLOR": "1", "COLUMNS": "200"}
    write(project, {"tests/test_legacy.py": LEGACY})
    wrote = invoke("check", "--no-cache", "--write-baseline", "asynclint-baseline.json", env=env)
    assert f"$ asynclint check --write-baseline asynclint-baseline.json\n{wrote.stderr}" in readme
    clean = invoke("check", "--no-cache", "--baseline", "asynclint-baseline.json", env=env)
    assert f"$ asynclint check --baseline asynclint-baseline.json\n{clean.stdout}" in readme
    (project / "tests/test_legacy.py").write_text(LEGACY.replace("time.sleep(1)", "time.sleep(2)"))
    stale = invoke("check", "--no-cache", "--baseline", "asynclint-baseline.json", env=env)
    assert f"$ asynclint check --baseline asynclint-baseline.json\n{stale.stdout}" in readme
    added = invoke("check", "--no-cache", "--add-noqa", env=env)
    assert f"prints `{added.stderr.strip()}`" in readme
    write(project, {"tests/test_stale.py": "def test_x():\n    pass  # noqa: ASL201\n"})
    unused = invoke("check", "--no-cache", "tests/test_stale.py", env=env)
    assert f"$ asynclint check tests/test_stale.py\n{unused.stdout}" in readme


def test_diff_does_not_combine_with_writing_options(project: Path) -> None:
    write(project, {"test_a.py": UNAWAITED})
    for option in (("--add-noqa",), ("--write-baseline", "b.json")):
        result = invoke("--no-cache", "--diff", *option)
        assert result.exit_code == 2 and "does not combine" in result.stderr
    assert "noqa" not in (project / "test_a.py").read_text() and not (project / "b.json").exists()
