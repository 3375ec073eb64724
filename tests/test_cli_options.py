"""Options of ``asynclint check`` around selection, settings and the text report.

Selection follows ruff's layers (the command line over the configuration), the
report options (--statistics, --show-*, --color) and the text report's handling of
untrusted source text (control characters, wide characters, tabs).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ANSI, BAD, CLEAN, UNAWAITED, codes, concise_positions, invoke, write

from asynclint.report.visible import caret_line, visible

CONCISE = ("--no-cache", "--output-format", "concise")


# ---------------------------------------------------------------------------
# Selection: the command line beats the configuration, as in ruff
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        # a command-line select replaces the configuration's select *and* its ignores
        ('ignore = ["ASL301"]', ("--select", "ASL301"), ["ASL301"]),
        ('ignore = ["blocking-sleep"]', ("--select", "ASL3"), ["ASL301"]),
        # extend-select on the command line re-enables what the configuration ignores
        ('ignore = ["ASL301"]', ("--extend-select", "ASL301"), ["ASL101", "ASL201", "ASL301"]),
        ('select = ["ASL1"]', ("--extend-select", "ASL301"), ["ASL101", "ASL301"]),
        # a command-line ignore still removes from the configuration's selection
        ('select = ["ASL1", "ASL3"]', ("--ignore", "ASL301"), ["ASL101"]),
        # within one layer the more specific selector wins, whichever list it is in
        ('select = ["ASL3"]\nignore = ["ASL301"]', (), []),
        ('select = ["ASL301"]\nignore = ["ASL3"]', (), ["ASL301"]),
        ('select = ["ALL"]\nignore = ["ASL2"]', (), ["ASL101", "ASL301"]),
        # at equal specificity, ignore wins
        ('select = ["ASL301"]\nignore = ["ASL301"]', (), []),
        ("", ("--select", "ASL2,ASL301", "--ignore", "ASL2"), ["ASL301"]),
    ],
)
def test_selection_layers(project: Path, config: str, args: tuple[str, ...], expected: list[str]) -> None:
    write(project, {"pyproject.toml": f"[tool.asynclint]\n{config}\n", "test_a.py": BAD})
    assert codes(invoke(*CONCISE, *args).stdout) == expected


def test_per_file_ignores_on_the_command_line_replace_the_configuration(project: Path) -> None:
    config = '[tool.asynclint.per-file-ignores]\n"test_b.py" = ["ASL1"]\n'
    write(project, {"pyproject.toml": config, "test_a.py": BAD, "test_b.py": BAD})
    found = concise_positions(invoke(*CONCISE, "--per-file-ignores", "test_a.py:ASL301,ASL101").stdout)
    assert [(path, code) for path, _, _, code in found] == [
        ("test_a.py", "ASL201"),
        ("test_b.py", "ASL101"),
        ("test_b.py", "ASL201"),
        ("test_b.py", "ASL301"),
    ]
    repeated = invoke(*CONCISE, "--per-file-ignores", "test_a.py:ASL1", "--per-file-ignores", "test_b.py:ASL2")
    assert [(path, code) for path, _, _, code in concise_positions(repeated.stdout)] == [
        ("test_a.py", "ASL201"),
        ("test_a.py", "ASL301"),
        ("test_b.py", "ASL101"),
        ("test_b.py", "ASL301"),
    ]


@pytest.mark.parametrize("value", ["test_a.py", "test_a.py:", ":ASL301", "test_a.py:NOPE"])
def test_bad_per_file_ignores_is_a_usage_error(project: Path, value: str) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke(*CONCISE, "--per-file-ignores", value)
    assert result.exit_code == 2 and result.stderr.startswith("asynclint: error:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_config_file_replaces_the_search(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.asynclint]\nselect = ["ASL1"]\n', "test_a.py": BAD})
    (project / "shared.toml").write_text('select = ["ASL3"]\n')
    assert codes(invoke(*CONCISE).stdout) == ["ASL101"]
    assert codes(invoke(*CONCISE, "--config", "shared.toml").stdout) == ["ASL301"]
    (project / "other").mkdir()
    (project / "other" / "pyproject.toml").write_text('[tool.asynclint]\nselect = ["ASL2"]\n')
    assert codes(invoke(*CONCISE, "--config", "other/pyproject.toml").stdout) == ["ASL201"]


@pytest.mark.parametrize(
    ("files", "args", "fragment"),
    [
        ({}, ("--config", "missing.toml"), "missing.toml"),
        ({"bad.toml": "select = [\n"}, ("--config", "bad.toml"), "bad.toml"),
        ({"sub/pyproject.toml": "[tool.other]\n"}, ("--config", "sub/pyproject.toml"), "[tool.asynclint]"),
        ({"x.toml": 'selec = ["ASL1"]\n'}, ("--config", "x.toml"), "selec"),
        ({"x.toml": 'tool = "x"\n'}, ("--config", "x.toml"), "[tool.asynclint]"),
        ({"conf/x.toml": ""}, ("--config", "conf"), "conf: cannot read configuration"),
        ({"x.toml": ""}, ("--config", "x.toml", "--isolated"), "--isolated"),
    ],
)
def test_config_errors(project: Path, files: dict[str, str], args: tuple[str, ...], fragment: str) -> None:
    write(project, {"test_a.py": BAD, **files})
    result = invoke(*CONCISE, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("asynclint: error:") and fragment in result.stderr


def test_isolated_reads_no_configuration(project: Path) -> None:
    write(
        project, {"pyproject.toml": '[tool.asynclint]\nselect = ["ASL1"]\nexclude = ["test_a.py"]\n', "test_a.py": BAD}
    )
    assert codes(invoke(*CONCISE).stdout) == []
    assert codes(invoke(*CONCISE, "--isolated").stdout) == ["ASL101", "ASL201", "ASL301"]


# ---------------------------------------------------------------------------
# --statistics, --show-fixes, --show-files, --show-settings
# ---------------------------------------------------------------------------

TWO_UNAWAITED = UNAWAITED + "\n\ndef test_again():\n    fetch()\n"


def test_statistics_text(project: Path) -> None:
    write(project, {"test_a.py": BAD, "test_b.py": TWO_UNAWAITED})
    result = invoke("--no-cache", "--statistics", ".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "3\tASL201\t[-] unawaited-coroutine",  # the two in sync tests have no fix
        "1\tASL101\t[*] unmarked-async-test",
        "1\tASL301\t[*] blocking-sleep",
    ]


def test_statistics_json(project: Path) -> None:
    write(project, {"test_a.py": BAD, "test_b.py": TWO_UNAWAITED})
    rows = json.loads(invoke("--no-cache", "--statistics", "--output-format", "json", ".").stdout)
    assert rows[0] == {"code": "ASL201", "name": "unawaited-coroutine", "count": 3, "fixable": 1}
    assert [r["code"] for r in rows] == ["ASL201", "ASL101", "ASL301"]


def test_statistics_with_a_format_it_cannot_print(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--statistics", "--output-format", "sarif", ".")
    assert result.exit_code == 2 and "--statistics" in result.stderr


def test_show_fixes_names_each_fix(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    out = invoke("--no-cache", "--show-fixes", ".").stdout
    assert re.search(r"16:5 ASL201 \[\*\].*\n.*\n.*\n\s+help: Add `await` before `save\(\.\.\.\)`\n", out)
    assert "help:" not in invoke("--no-cache", ".").stdout


def test_show_fixes_with_fix_lists_what_was_fixed(project: Path) -> None:
    write(project, {"test_a.py": BAD, "test_b.py": UNAWAITED})
    result = invoke("--no-cache", "--fix", "--show-fixes", ".")
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "Fixed 3 findings:",
        "- test_a.py:",
        "    1 × ASL101 (unmarked-async-test)",
        "    1 × ASL201 (unawaited-coroutine)",
        "    1 × ASL301 (blocking-sleep)",
    ]
    assert "test_b.py:" not in lines[:6]  # nothing fixed there (a sync test cannot await)


def test_show_files_lists_what_would_be_linted(project: Path) -> None:
    config = '[tool.asynclint]\nexclude = ["test_c.py"]\n'
    write(project, {"pyproject.toml": config, "test_a.py": BAD, "sub/test_b.py": CLEAN, "test_c.py": BAD, "app.py": ""})
    result = invoke("--no-cache", "--show-files", ".")
    assert result.exit_code == 0  # nothing was linted, so BAD does not count
    assert result.stdout.splitlines() == ["sub/test_b.py", "test_a.py"]
    assert not (project / ".asynclint_cache").exists()


def test_show_settings(project: Path) -> None:
    config = '[tool.asynclint]\nselect = ["ASL2"]\n[tool.asynclint.per-file-ignores]\n"legacy/*" = ["ASL201"]\n'
    write(project, {"pyproject.toml": config, "test_a.py": BAD})
    result = invoke("--show-settings", "--extend-select", "ASL301", "--asyncio-mode", "auto")
    assert result.exit_code == 0
    rows = dict(re.split(r":\s+", line, maxsplit=1) for line in result.stdout.splitlines())
    assert rows["configuration"] == str(project / "pyproject.toml")
    assert rows["enabled rules"] == "ASL201, ASL202, ASL203, ASL204, ASL301"
    assert rows["per-file-ignores"] == "legacy/*: ASL201"
    assert rows["asyncio mode"] == "auto (command line)"
    isolated = invoke("--show-settings", "--isolated").stdout
    assert re.search(r"^configuration:\s+\(none: --isolated\)$", isolated, re.M)


# ---------------------------------------------------------------------------
# Colour
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "args", "escapes"),
    [
        ({"FORCE_COLOR": "1"}, (), True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, (), False),  # NO_COLOR: not even bold or dim
        ({"NO_COLOR": "1"}, ("--color", "always"), True),  # an explicit flag beats the variable
        ({"FORCE_COLOR": "1"}, ("--color", "never"), False),
        ({}, ("--color", "always"), True),
        ({}, (), False),  # not a terminal
    ],
)
def test_color(project: Path, env: dict[str, str], args: tuple[str, ...], escapes: bool) -> None:
    write(project, {"test_a.py": BAD})
    out = invoke("--no-cache", "--show-fixes", *args, ".", env=env).stdout
    assert ("\x1b" in out) is escapes
    assert "ASL201" in ANSI.sub("", out)


@pytest.mark.parametrize("args", [("rule", "ASL201"), ("rules",), ("config", ".")])
def test_no_color_leaves_no_escape_in_other_commands(project: Path, args: tuple[str, ...]) -> None:
    write(project, {"test_a.py": BAD})
    assert "\x1b[1m" in invoke("rule", "ASL201", env={"FORCE_COLOR": "1"}).stdout  # the premise: bold is used
    out = invoke(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert out and "\x1b" not in out


# ---------------------------------------------------------------------------
# The text report and untrusted source
# ---------------------------------------------------------------------------


def _marked(out: str, line_no: int) -> tuple[str, str]:
    """The source line and the caret line printed for the finding on ``line_no``."""
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if re.match(rf"^\s+{line_no} \| ", line))
    return lines[index].split(" | ", 1)[1], lines[index + 1].split("| ", 1)[1]


def test_control_characters_are_drawn_not_sent(project: Path) -> None:
    source = UNAWAITED.replace("    fetch()", '    fetch(); x = "\x1b[31mred\x07\x7f\u202e"')
    write(project, {"test_a.py": source})
    out = invoke("--no-cache", ".").stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    shown, carets = _marked(out, 6)
    assert shown == '    fetch(); x = "␛[31mred␇␡<U+202E>"'
    assert carets == "    ^^^^^^^"


def test_carets_line_up_after_wide_characters_and_tabs(project: Path) -> None:
    source = UNAWAITED.replace("    fetch()", '    x = "中文字"; fetch()')
    write(project, {"test_a.py": source})
    shown, carets = _marked(invoke("--no-cache", ".").stdout, 6)
    assert shown == '    x = "中文字"; fetch()'
    assert carets == " " * 18 + "^" * 7  # 4 + len('x = "') + 3 wide characters (6 cells) + len('"; ')
    tabbed = "async def fetch():\n\treturn 1\n\n\ndef test_fetch():\n\tx = 1;\tfetch()\n"
    write(project, {"test_a.py": tabbed})
    shown, carets = _marked(invoke("--no-cache", ".").stdout, 6)
    assert shown == "    x = 1;  fetch()"  # tab stops every 4 cells
    assert carets == " " * 12 + "^" * 7


def test_caret_line_counts_cells() -> None:
    assert caret_line("ab中c", 3, 4) == (4, 1)
    assert caret_line("中", 0, 1) == (0, 2)
    assert caret_line("e\u0301x", 2, 3) == (1, 1)  # a combining accent takes no cell
    assert caret_line("abc", 3, 3) == (3, 1)  # at the end of the line: still one caret
    assert visible("a\tb\x00\x9b") == "a␉b␀<U+009B>"


def test_rule_piped_keeps_markdown_and_no_trailing_spaces() -> None:
    out = invoke("rule", "ASL201", env={"COLUMNS": "200"}).stdout
    assert out.startswith("ASL201 unawaited-coroutine (await; fix: safe)\n")
    assert "`async def`" in out and "```python" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_a_folder_without_test_files_says_so(project: Path) -> None:
    write(project, {"app/models.py": "x = 1\n"})
    result = invoke("--no-cache", "app")
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines() == [
        "asynclint: no test files found in app, or every one is excluded (`asynclint config` shows what counts)"
    ]
    write(project, {"pyproject.toml": '[tool.asynclint]\nexclude = ["tests/"]\n', "tests/test_a.py": BAD})
    excluded = invoke("--no-cache", "tests")
    assert excluded.exit_code == 0 and "excluded" in excluded.stderr
    assert invoke("--no-cache", "--isolated", "tests").stderr == ""  # test files linted: nothing to say


def test_no_color_in_a_real_subprocess(tmp_path: Path) -> None:
    write(tmp_path, {"test_a.py": BAD})
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env.update(FORCE_COLOR="1", NO_COLOR="1")
    done = subprocess.run(
        [sys.executable, "-m", "asynclint", "--no-cache", "--statistics", "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "\x1b" not in done.stdout
    assert "1\tASL201\t[*] unawaited-coroutine" in done.stdout
    text = subprocess.run(
        [sys.executable, "-m", "asynclint", "--no-cache", "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert text.returncode == 1 and "ASL201" in text.stdout and "\x1b" not in text.stdout


def test_a_path_with_control_characters_is_drawn(project: Path) -> None:
    write(project, {"test_a\x1b[2J.py": UNAWAITED})
    out = invoke(*CONCISE).stdout
    assert "\x1b" not in out and out.startswith("test_a␛[2J.py:6:5: ASL201 ") and len(out.splitlines()) == 1
    text = invoke("--no-cache", ".").stdout
    assert "\x1b" not in text and text.startswith("test_a␛[2J.py\n")


def test_show_fixes_with_fix_in_a_data_format_lists_on_stderr(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--fix", "--show-fixes", "--output-format", "json", ".")
    assert json.loads(result.stdout) == []
    assert result.stderr.splitlines()[:2] == ["Fixed 3 findings:", "- test_a.py:"]
    assert result.stderr.splitlines()[-1] == "Fixed 3 findings in 1 file; 0 remaining."
