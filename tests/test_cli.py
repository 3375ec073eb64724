"""The command line, end to end: ``asynclint [check] PATHS``, ``rule``, ``rules``, ``config``.

Every test builds a tiny project under ``tmp_path`` (with its own ``pytest.ini`` so
pytest-config discovery never wanders up into the real repository) and either runs
``asynclint.cli.main`` through click's ``CliRunner`` with the project as the current
folder, or runs the installed console script / ``python -m asynclint`` in a subprocess.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ANSI, BAD, BAD_FINDINGS, CLEAN, UNAWAITED, codes, concise_positions, invoke, write

from asynclint import __version__
from asynclint.cli import main
from asynclint.rules import ALL_RULES

# ---------------------------------------------------------------------------
# Sample sources
# ---------------------------------------------------------------------------

JSON_KEYS = {
    "schema_version",
    "code",
    "name",
    "message",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
    "url",
}
# SGR parameters that set a colour: 30-37, 39, 40-47, 49, 90-97, 100-107, 38;/48; (256/true colour).
COLOR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def assert_usage_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("asynclint: error:"), lines[0]
    for fragment in fragments:
        assert fragment in lines[0]
    assert result.stdout == ""


# ---------------------------------------------------------------------------
# Entry points and exit codes
# ---------------------------------------------------------------------------


def test_bare_path_is_the_same_as_check(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    bare = invoke("--no-cache", "test_a.py")
    explicit = invoke("check", "--no-cache", "test_a.py")
    assert bare.exit_code == explicit.exit_code == 1
    assert bare.stdout == explicit.stdout
    assert "ASL201" in bare.stdout


def test_no_path_lints_the_current_directory(project: Path) -> None:
    write(project, {"test_a.py": BAD, "sub/test_b.py": UNAWAITED})
    result = invoke("--no-cache", "--output-format", "concise")
    assert result.exit_code == 1
    assert concise_positions(result.stdout) == [("sub/test_b.py", 6, 5, "ASL201"), *BAD_FINDINGS]  # sorted by path
    assert invoke("--no-cache", "--output-format", "concise", ".").stdout == result.stdout


def test_exit_0_when_clean(project: Path) -> None:
    write(project, {"test_a.py": CLEAN})
    result = invoke("--no-cache", ".")
    assert result.exit_code == 0
    assert "0 findings in 0 files; 1 file checked" in result.stdout


def test_exit_1_with_findings(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", ".")
    assert result.exit_code == 1
    assert result.stderr == ""


def test_exit_zero_keeps_the_report(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--exit-zero", "--output-format", "concise", ".")
    assert result.exit_code == 0
    assert concise_positions(result.stdout) == BAD_FINDINGS


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_selector_is_a_usage_error(project: Path, option: str) -> None:
    write(project, {"test_a.py": BAD})
    assert_usage_error(invoke("--no-cache", option, "XYZ", "."), "XYZ")


def test_missing_path_is_a_usage_error(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    assert_usage_error(invoke("--no-cache", "test_a.py", "does_not_exist.py"), "does_not_exist.py")


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ('bogus = ["ASL201"]', "bogus"),  # unknown key
        ("select = 5", "select"),  # wrong type
        ("ignore = [1, 2]", "ignore"),  # wrong item type
        ('asyncio-mode = "legacy"', "legacy"),  # not strict/auto
        ('per-file-ignores = ["ASL201"]', "per-file-ignores"),  # not a table
        ('per-file-ignores = {"test_*.py" = ["NOPE1"]}', "NOPE1"),  # unknown code
        ('select = ["ASL9"]', "ASL9"),  # a prefix matching nothing
    ],
)
def test_bad_asynclint_config_is_a_usage_error(project: Path, table: str, fragment: str) -> None:
    write(project, {"pyproject.toml": f"[tool.asynclint]\n{table}\n", "test_a.py": BAD})
    assert_usage_error(invoke("--no-cache", "."), fragment)


@pytest.mark.parametrize("table", ['select = ["ASL9"]', 'per-file-ignores = {"test_*.py" = ["NOPE1"]}'])
def test_unknown_code_in_config_names_the_file(project: Path, table: str) -> None:
    write(project, {"pyproject.toml": f"[tool.asynclint]\n{table}\n", "test_a.py": BAD})
    assert_usage_error(invoke("--no-cache", "."), "pyproject.toml")


def test_other_config_errors_name_the_file(project: Path) -> None:
    write(project, {"pyproject.toml": "[tool.asynclint]\nselect = 5\n", "test_a.py": BAD})
    assert_usage_error(invoke("--no-cache", "."), str((project / "pyproject.toml").resolve()))


def test_unparsable_pyproject_is_a_usage_error(project: Path) -> None:
    write(project, {"pyproject.toml": "[tool.asynclint\nselect = [\n", "test_a.py": BAD})
    assert_usage_error(invoke("--no-cache", "."), "pyproject.toml")


def test_unparsable_pytest_ini_is_a_usage_error(project: Path) -> None:
    write(project, {"test_a.py": BAD}, ini="[pytest\nasyncio_mode = auto\n")
    assert_usage_error(invoke("--no-cache", "."), "pytest.ini")


def test_bad_option_values_exit_2(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    for args in (["--output-format", "xml"], ["--asyncio-mode", "legacy"], ["--jobs", "0"], ["--no-such-flag"]):
        result = invoke("--no-cache", *args, ".")
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output
        assert result.stdout == ""


def test_help_lists_the_subcommands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("check", "rule", "rules", "config"):
        assert re.search(rf"^\s+{command}\b", result.stdout, re.M), command


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"asynclint, version {__version__}"


# ---------------------------------------------------------------------------
# Rule selection
# ---------------------------------------------------------------------------


def test_select_by_prefix(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "concise", "--select", "ASL2", ".")
    assert result.exit_code == 1
    assert codes(result.stdout) == ["ASL201"]


def test_select_by_name(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "concise", "--select", "unawaited-coroutine", ".")
    assert codes(result.stdout) == ["ASL201"]


def test_select_comma_separated_and_repeated(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    assert codes(invoke("--no-cache", "--output-format", "concise", "--select", "ASL101,ASL301").stdout) == [
        "ASL101",
        "ASL301",
    ]
    assert codes(
        invoke("--no-cache", "--output-format", "concise", "--select", "ASL101", "--select", "blocking-sleep").stdout
    ) == ["ASL101", "ASL301"]


def test_select_all(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    assert codes(invoke("--no-cache", "--output-format", "concise", "--select", "ALL").stdout) == [
        "ASL101",
        "ASL201",
        "ASL301",
    ]


def test_ignore_by_code(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "concise", "--ignore", "ASL201", ".")
    assert codes(result.stdout) == ["ASL101", "ASL301"]


def test_select_nothing_left_is_clean(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "concise", "--select", "ASL2", "--ignore", "ASL201", ".")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_config_select_and_ignore(project: Path) -> None:
    config = '[tool.asynclint]\nselect = ["ASL1", "ASL3"]\nignore = ["ASL101"]\n'
    write(project, {"pyproject.toml": config, "test_a.py": BAD})
    assert codes(invoke("--no-cache", "--output-format", "concise").stdout) == ["ASL301"]
    # the command line's --select replaces the config's select and its ignores (ruff's layers)
    assert codes(invoke("--no-cache", "--output-format", "concise", "--select", "ASL2").stdout) == ["ASL201"]


def test_config_extend_select_extends_the_defaults(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.asynclint]\nextend-select = ["ASL201"]\n', "test_a.py": BAD})
    assert codes(invoke("--no-cache", "--output-format", "concise").stdout) == ["ASL101", "ASL201", "ASL301"]


def test_config_per_file_ignores_and_exclude(project: Path) -> None:
    write(
        project,
        {
            "pyproject.toml": textwrap.dedent(
                """\
                [tool.asynclint]
                exclude = ["legacy/"]
                [tool.asynclint.per-file-ignores]
                "test_a.py" = ["ASL1", "blocking-sleep"]
                """
            ),
            "test_a.py": BAD,
            "test_b.py": BAD,
            "legacy/test_old.py": BAD,
        },
    )
    result = invoke("--no-cache", "--output-format", "concise")
    assert [(path, code) for path, _, _, code in concise_positions(result.stdout)] == [
        ("test_a.py", "ASL201"),
        ("test_b.py", "ASL101"),
        ("test_b.py", "ASL201"),
        ("test_b.py", "ASL301"),
    ]
    assert "2 files checked" in invoke("--no-cache").stdout
    # A file named on the command line is linted (the catalog's "What is linted") ...
    named = invoke("--no-cache", "legacy/test_old.py")
    assert named.exit_code == 1
    assert "1 file checked" in named.stdout
    # ... unless --force-exclude (the pre-commit hook) applies exclude to named files too.
    forced = invoke("--no-cache", "--force-exclude", "legacy/test_old.py")
    assert forced.exit_code == 0
    assert "0 files checked" in forced.stdout


# ---------------------------------------------------------------------------
# Output formats
# ---------------------------------------------------------------------------


def test_concise_format_is_exact(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "concise", ".")
    assert concise_positions(result.stdout) == BAD_FINDINGS
    for line in result.stdout.splitlines():
        assert line.count("\n") == 0 and not line.startswith(" ")
    # nothing but the findings: no summary, no blank lines
    assert len(result.stdout.splitlines()) == 3
    assert result.stdout.endswith("\n")


def test_concise_keeps_the_path_as_given(project: Path) -> None:
    write(project, {"tests/test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "concise", "./tests/")
    assert {path for path, *_ in concise_positions(result.stdout)} == {"tests/test_a.py"}
    absolute = invoke("--no-cache", "--output-format", "concise", str(project / "tests"))
    assert {path for path, *_ in concise_positions(absolute.stdout)} == {str(project / "tests" / "test_a.py")}


def test_json_contract(project: Path) -> None:
    write(project, {"tests/test_a.py": BAD, "tests/test_b.py": UNAWAITED, "tests/test_c.py": CLEAN})
    result = invoke("--no-cache", "--output-format", "json", "tests")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 4
    for item in data:
        assert set(item) == JSON_KEYS
        assert item["path"] in ("tests/test_a.py", "tests/test_b.py")  # relative, as given
        assert all(isinstance(item[k], int) and item[k] >= 1 for k in ("line", "column", "end_line", "end_column"))
        assert (item["end_line"], item["end_column"]) >= (item["line"], item["column"])
        assert re.fullmatch(r"ASL\d{3}", item["code"])
        assert item["name"] == {r.code: r.name for r in ALL_RULES}[item["code"]]
        assert item["message"] and item["url"] == f"docs/rules/{item['code']}.md"
        assert item["schema_version"] == 2
        if item["fix"] is not None:
            assert set(item["fix"]) == {"applicability", "title", "edits"}
            assert item["fix"]["applicability"] in ("safe", "unsafe")
            for edit in item["fix"]["edits"]:
                assert set(edit) == {"line", "column", "end_line", "end_column", "content"}
    keys = [(d["path"], d["line"], d["column"], d["code"]) for d in data]
    assert keys == sorted(keys)
    assert keys == [("tests/" + p, line, col, code) for p, line, col, code in BAD_FINDINGS] + [
        ("tests/test_b.py", 6, 5, "ASL201")
    ]


def test_json_when_clean_is_an_empty_array(project: Path) -> None:
    write(project, {"test_a.py": CLEAN})
    result = invoke("--no-cache", "--output-format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_json_fix_edit_inserts_await(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    data = json.loads(invoke("--no-cache", "--output-format", "json", "--select", "ASL201").stdout)
    assert [d["code"] for d in data] == ["ASL201"]
    fix = data[0]["fix"]
    assert fix["applicability"] == "safe"
    assert {"line": 16, "column": 5, "end_line": 16, "end_column": 5, "content": "await "} in fix["edits"]


def test_json_fix_is_complete_when_an_import_is_needed(project: Path) -> None:
    source = "import time\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_a():\n    time.sleep(1)\n"
    write(project, {"test_a.py": source})
    [finding] = json.loads(invoke("--no-cache", "--output-format", "json").stdout)
    assert finding["code"] == "ASL301"
    assert finding["fix"]["applicability"] == "safe"
    assert any("import asyncio" in edit["content"] for edit in finding["fix"]["edits"])


def test_text_output(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", ".")
    out = result.stdout
    assert out.splitlines()[0] == "test_a.py"
    assert re.search(r"^\s+16:5 ASL201\b", out, re.M)
    assert re.search(r"^\s+16 \|     save\(\"x\"\)$", out, re.M)  # the source line
    assert re.search(r"^\s+\|     \^{9}$", out, re.M)  # the marker under `save("x")`
    assert "3 findings in 1 file; 1 file checked" in out


def test_text_summary_counts_files(project: Path) -> None:
    write(project, {"test_a.py": BAD, "test_b.py": UNAWAITED, "test_c.py": CLEAN})
    out = invoke("--no-cache").stdout
    assert re.search(r"^4 findings in 2 files; 3 files checked", out, re.M)


def test_no_ansi_codes_when_not_a_terminal(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    for args in ([], ["rule", "ASL201"], ["rules"], ["config", "."]):
        result = invoke(*(args or ["--no-cache", "."]))
        assert not ANSI.search(result.stdout), args
    # sanity: the same run forced onto a "terminal" does colour, so the check above can fail
    assert COLOR_SGR.search(invoke("--no-cache", ".", env={"FORCE_COLOR": "1"}).stdout)


def test_no_color_disables_colour(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", ".", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert result.exit_code == 1
    assert not COLOR_SGR.search(result.stdout)
    assert "ASL201" in ANSI.sub("", result.stdout)


def test_quiet_prints_only_the_summary(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--quiet", ".")
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("3 findings in 1 file; 1 file checked")


def test_quiet_and_clean_prints_nothing(project: Path) -> None:
    write(project, {"test_a.py": CLEAN})
    result = invoke("--no-cache", "-q", ".")
    assert result.exit_code == 0
    assert result.stdout == ""


# ---------------------------------------------------------------------------
# pytest-asyncio mode
# ---------------------------------------------------------------------------


def test_asyncio_mode_auto_option_silences_asl101(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "concise", "--asyncio-mode", "auto", ".")
    assert codes(result.stdout) == ["ASL201", "ASL301"]


def test_asyncio_mode_from_pytest_ini(project: Path) -> None:
    write(project, {"test_a.py": BAD}, ini="[pytest]\nasyncio_mode = auto\n")
    assert codes(invoke("--no-cache", "--output-format", "concise").stdout) == ["ASL201", "ASL301"]
    # the command line beats the config file
    strict = invoke("--no-cache", "--output-format", "concise", "--asyncio-mode", "strict")
    assert codes(strict.stdout) == ["ASL101", "ASL201", "ASL301"]


def test_addopts_asyncio_mode_beats_the_ini_key(project: Path) -> None:
    write(project, {"test_a.py": BAD}, ini="[pytest]\nasyncio_mode = auto\naddopts = --asyncio-mode=strict\n")
    assert codes(invoke("--no-cache", "--output-format", "concise").stdout) == ["ASL101", "ASL201", "ASL301"]


def test_asyncio_mode_from_pyproject_ini_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {"pyproject.toml": '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n', "tests/test_a.py": BAD},
        ini=None,
    )
    monkeypatch.chdir(tmp_path)
    assert codes(invoke("--no-cache", "--output-format", "concise", "tests").stdout) == ["ASL201", "ASL301"]


def test_mode_is_per_file(project: Path) -> None:
    auto_ini = "[pytest]\nasyncio_mode = auto\n"
    write(project, {"strict/test_a.py": BAD, "auto/pytest.ini": auto_ini, "auto/test_a.py": BAD})
    out = invoke("--no-cache", "--output-format", "concise").stdout
    found = [(path, code) for path, _, _, code in concise_positions(out)]
    assert ("strict/test_a.py", "ASL101") in found
    assert ("auto/test_a.py", "ASL101") not in found
    assert ("auto/test_a.py", "ASL201") in found


# ---------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------


def test_discovery_follows_pytest_naming(project: Path) -> None:
    write(project, {"test_a.py": UNAWAITED, "b_test.py": UNAWAITED, "conftest.py": UNAWAITED, "helper.py": UNAWAITED})
    result = invoke("--no-cache", "--output-format", "concise")
    assert sorted({path for path, *_ in concise_positions(result.stdout)}) == ["b_test.py", "conftest.py", "test_a.py"]
    assert "3 files checked" in invoke("--no-cache").stdout


def test_a_file_named_explicitly_is_always_linted(project: Path) -> None:
    write(project, {"helper.py": UNAWAITED})
    assert "0 files checked" in invoke("--no-cache").stdout
    result = invoke("--no-cache", "--output-format", "concise", "helper.py")
    assert concise_positions(result.stdout) == [("helper.py", 6, 5, "ASL201")]


def test_a_file_named_twice_is_linted_once(project: Path) -> None:
    write(project, {"test_a.py": UNAWAITED})
    result = invoke("--no-cache", "--output-format", "concise", "test_a.py", ".", "./test_a.py")
    assert codes(result.stdout) == ["ASL201"]


@pytest.mark.parametrize("folder", ["venv", "node_modules", "__pycache__", "build", ".git", "pkg.egg-info"])
def test_tool_folders_are_skipped(project: Path, folder: str) -> None:
    files = {"test_a.py": UNAWAITED, f"{folder}/test_hidden.py": UNAWAITED}
    if folder == "venv":
        files["venv/pyvenv.cfg"] = "home = /usr\n"
    write(project, files)
    result = invoke("--no-cache", "--output-format", "concise")
    assert [path for path, *_ in concise_positions(result.stdout)] == ["test_a.py"]


def test_a_folder_named_venv_is_linted_when_norecursedirs_drops_the_default(project: Path) -> None:
    """``venv`` is skipped by pytest's default ``norecursedirs`` (see the collection corpus
    projects); a configured ``norecursedirs`` replaces that default, and without a
    pyvenv.cfg the folder is an ordinary one."""
    write(project, {"venv/test_a.py": UNAWAITED}, ini="[pytest]\nnorecursedirs = .git\n")
    assert [p for p, *_ in concise_positions(invoke("--no-cache", "--output-format", "concise").stdout)] == [
        "venv/test_a.py"
    ]


def test_python_files_changes_discovery(project: Path) -> None:
    write(project, {"check_a.py": UNAWAITED, "test_b.py": UNAWAITED}, ini="[pytest]\npython_files = check_*.py\n")
    result = invoke("--no-cache", "--output-format", "concise")
    assert [path for path, *_ in concise_positions(result.stdout)] == ["check_a.py"]


def test_testpaths_limit_a_walk_of_the_whole_project(project: Path) -> None:
    """From the rootdir pytest collects only ``testpaths`` (and the conftests on the way)."""
    files = {
        "conftest.py": UNAWAITED,
        "tests/test_a.py": UNAWAITED,
        "tests/unit/conftest.py": UNAWAITED,
        "pkg/test_utils.py": UNAWAITED,  # a library module named like a test
        "docs/conftest.py": UNAWAITED,
    }
    write(project, files, ini="[pytest]\ntestpaths = tests\n")
    whole = invoke("--no-cache", "--output-format", "concise")
    assert sorted({p for p, *_ in concise_positions(whole.stdout)}) == [
        "conftest.py",
        "tests/test_a.py",
        "tests/unit/conftest.py",
    ]
    # Named folders and files are linted as pytest collects them when named.
    assert [p for p, *_ in concise_positions(invoke("--no-cache", "--output-format", "concise", "pkg").stdout)] == [
        "pkg/test_utils.py"
    ]


def test_testpaths_globs_are_expanded(project: Path) -> None:
    write(project, {"a/tests/test_a.py": UNAWAITED, "b/test_b.py": UNAWAITED}, ini="[pytest]\ntestpaths = */tests\n")
    result = invoke("--no-cache", "--output-format", "concise")
    assert [p for p, *_ in concise_positions(result.stdout)] == ["a/tests/test_a.py"]


def test_syntax_error_is_a_finding_and_the_run_goes_on(project: Path) -> None:
    write(project, {"test_a.py": "def test_broken(:\n    pass\n", "test_b.py": UNAWAITED})
    result = invoke("--no-cache", "--output-format", "concise")
    assert result.exit_code == 1
    found = concise_positions(result.stdout)
    assert [(p, c) for p, _, _, c in found] == [("test_a.py", "ASL000"), ("test_b.py", "ASL201")]
    assert found[0][1] == 1
    assert "Traceback" not in result.output


def test_syntax_error_in_text_output(project: Path) -> None:
    write(project, {"test_a.py": "def test_broken(:\n    pass\n"})
    result = invoke("--no-cache")
    assert result.exit_code == 1
    assert "ASL000" in result.stdout
    assert "1 finding in 1 file; 1 file checked" in result.stdout


def test_many_files_in_parallel_match_a_serial_run(project: Path) -> None:
    write(project, {f"test_{i:02}.py": UNAWAITED for i in range(60)})
    serial = invoke("--no-cache", "--output-format", "concise", "--jobs", "1")
    parallel = invoke("--no-cache", "--output-format", "concise", "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    assert len(concise_positions(serial.stdout)) == 60


# ---------------------------------------------------------------------------
# Suppression
# ---------------------------------------------------------------------------


def _unawaited_with(comment: str) -> str:
    return UNAWAITED.replace("    fetch()\n", f"    fetch()  {comment}\n")


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("# noqa", []),
        ("# noqa: ASL201", []),
        ("# noqa:ASL201", []),
        ("# NOQA: asl201", []),
        ("# noqa: ASL301, ASL201", ["ASL001"]),  # ASL301 suppresses nothing: unused-noqa
        ("# noqa: ASL301", ["ASL201", "ASL001"]),  # another code does not suppress
        ("# noqa: E501", ["ASL201"]),
        ("# a comment", ["ASL201"]),
    ],
)
def test_noqa(project: Path, comment: str, expected: list[str]) -> None:
    write(project, {"test_a.py": _unawaited_with(comment)})
    result = invoke("--no-cache", "--output-format", "concise")
    assert codes(result.stdout) == expected
    assert result.exit_code == (1 if expected else 0)


def test_noqa_inside_a_string_does_not_suppress(project: Path) -> None:
    source = UNAWAITED.replace("    fetch()\n", '    label = "# noqa"; fetch()\n')
    write(project, {"test_a.py": source})
    assert codes(invoke("--no-cache", "--output-format", "concise").stdout) == ["ASL201"]


def test_ignore_file_pragma(project: Path) -> None:
    write(
        project,
        {
            "test_top.py": "# asynclint: ignore-file\n" + UNAWAITED,
            "test_line20.py": "\n" * 19 + "# asynclint: ignore-file\n" + UNAWAITED,
            "test_line21.py": "\n" * 20 + "# asynclint: ignore-file\n" + UNAWAITED,
        },
    )
    result = invoke("--no-cache", "--output-format", "concise")
    assert [(p, c) for p, _, _, c in concise_positions(result.stdout)] == [("test_line21.py", "ASL201")]


# ---------------------------------------------------------------------------
# rule / rules / config
# ---------------------------------------------------------------------------


def test_rule_prints_its_documentation() -> None:
    result = invoke("rule", "ASL201")
    assert result.exit_code == 0
    assert result.stdout.startswith("ASL201 unawaited-coroutine")
    for section in ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety"):
        assert section in result.stdout


@pytest.mark.parametrize("spelling", ["unawaited-coroutine", "asl201", "Unawaited-Coroutine"])
def test_rule_by_other_spellings(spelling: str) -> None:
    result = invoke("rule", spelling)
    assert result.exit_code == 0
    assert result.stdout == invoke("rule", "ASL201").stdout


def test_rule_unknown_exits_2() -> None:
    assert_usage_error(invoke("rule", "NOPE"), "NOPE")


def test_every_rule_has_a_page() -> None:
    for rule in ALL_RULES:
        result = invoke("rule", rule.code)
        assert result.exit_code == 0, rule.code
        assert "Why is this bad?" in result.stdout, rule.code


# `asynclint rules` against the registry: tests/test_registry_drift.py.


def test_config_shows_file_and_mode(project: Path) -> None:
    write(project, {"tests/test_a.py": BAD}, ini="[pytest]\naddopts = --asyncio-mode=auto\n")
    result = invoke("config", "tests/test_a.py")
    assert result.exit_code == 0
    out = result.stdout
    ini = project / "pytest.ini"
    shown = re.search(r"^pytest config:\s+(.+)$", out, re.M)
    assert shown and shown.group(1) in (str(ini), str(ini.resolve()))
    assert re.search(r"^asyncio mode:\s+auto\b.*addopts", out, re.M)
    assert re.search(r"^pytest-asyncio:\s+enabled$", out, re.M)
    assert re.search(r"^asynclint rules:\s+ASL000, ", out, re.M)


def test_config_default_mode_and_disabled_plugin(project: Path) -> None:
    write(project, {"test_a.py": BAD}, ini="[pytest]\naddopts = -p no:asyncio\n")
    out = invoke("config").stdout
    assert re.search(r"^asyncio mode:\s+strict\s+\(from default\)$", out, re.M)
    assert re.search(r"^pytest-asyncio:\s+disabled by -p no:asyncio$", out, re.M)


def test_config_names_legacy_mode_of_old_pytest_asyncio(project: Path) -> None:
    write(project, {"test_a.py": BAD, "requirements.txt": "pytest-asyncio==0.18.3\n"})
    out = invoke("config").stdout
    assert re.search(r"^asyncio mode:\s+legacy\b.*tests need the mark", out, re.M)
    assert re.search(r"^pytest-asyncio version:\s+0\.18\.3\s+\(.*requirements\.txt", out, re.M)


def test_config_shows_the_selected_rules(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.asynclint]\nselect = ["ASL2"]\n', "test_a.py": BAD})
    expected = ", ".join(rule.code for rule in ALL_RULES if rule.code.startswith("ASL2"))
    assert re.search(rf"^asynclint rules:\s+{expected}$", invoke("config").stdout, re.M)


def test_config_reports_the_asynclint_mode_override(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.asynclint]\nasyncio-mode = "auto"\n', "test_a.py": BAD})
    assert re.search(r"^asyncio mode:\s+auto\b", invoke("config").stdout, re.M)
    assert codes(invoke("--no-cache", "--output-format", "concise").stdout) == ["ASL201", "ASL301"]
    # the command line beats [tool.asynclint]
    strict = invoke("--no-cache", "--output-format", "concise", "--asyncio-mode", "strict")
    assert codes(strict.stdout) == ["ASL101", "ASL201", "ASL301"]


def test_config_names_the_source_of_an_asynclint_mode_override(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.asynclint]\nasyncio-mode = "auto"\n', "test_a.py": BAD})
    line = re.search(r"^asyncio mode:.*$", invoke("config").stdout, re.M)
    assert line and "command line" not in line.group(0)


def test_config_errors_exit_2(project: Path) -> None:
    assert_usage_error(invoke("config", "missing_dir"), "missing_dir")
    write(project, {"pyproject.toml": "[tool.asynclint]\nselect = 5\n"})
    assert_usage_error(invoke("config", "."), "select")


# ---------------------------------------------------------------------------
# Result cache
# ---------------------------------------------------------------------------


def test_cache_is_written_in_the_cwd_and_reused(project: Path) -> None:
    write(project, {"test_a.py": BAD, "sub/test_b.py": UNAWAITED})
    cold = invoke("--output-format", "json")
    assert (project / ".asynclint_cache").is_dir()
    warm = invoke("--output-format", "json")
    assert warm.exit_code == cold.exit_code == 1
    assert warm.stdout == cold.stdout
    # cached findings keep the path as the user named it this time
    via_sub = invoke("--output-format", "concise", "sub")
    assert concise_positions(via_sub.stdout) == [("sub/test_b.py", 6, 5, "ASL201")]


def test_no_cache_writes_nothing(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    invoke("--no-cache")
    assert not (project / ".asynclint_cache").exists()


def test_cache_does_not_leak_between_selections(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    assert codes(invoke("--output-format", "concise", "--select", "ASL2").stdout) == ["ASL201"]
    assert codes(invoke("--output-format", "concise").stdout) == ["ASL101", "ASL201", "ASL301"]


def test_second_in_process_run_sees_an_edited_pytest_ini(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    assert "ASL101" in codes(invoke("--no-cache", "--output-format", "concise").stdout)
    (project / "pytest.ini").write_text("[pytest]\nasyncio_mode = auto\nmarkers = x: y\n", encoding="utf-8")
    assert "ASL101" not in codes(invoke("--no-cache", "--output-format", "concise").stdout)


def test_summary_only_advertises_existing_options(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    summary = invoke("--no-cache", ".").stdout.strip().splitlines()[-1]
    assert "--fix" in summary  # the premise: a fixable finding is advertised
    assert "--fix" in invoke("check", "--help").stdout


def test_every_third_party_import_is_a_declared_dependency() -> None:
    import ast
    from importlib.metadata import packages_distributions

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    repo = Path(__file__).resolve().parents[1]
    package = repo / "asynclint"
    pyproject = repo / "pyproject.toml"
    if not package.is_dir() or not pyproject.is_file():
        pytest.skip("needs a source checkout")
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]

    def names(dependencies: list[str]) -> set[str]:
        return {re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0].strip().lower().replace("_", "-") for dep in dependencies}

    declared = names(project["dependencies"])
    # The language server (asynclint/server/, imported only lazily by `asynclint server`)
    # may use its optional extra.
    server_extra = declared | names(project["optional-dependencies"]["server"])
    distributions = packages_distributions()
    missing: set[str] = set()
    for source in package.rglob("*.py"):
        imported: set[str] = set()
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
        allowed = server_extra if source.relative_to(package).parts[0] == "server" else declared
        missing |= {
            name
            for name in imported - set(sys.stdlib_module_names) - {"asynclint", "tomli"}
            if not {d.lower().replace("_", "-") for d in distributions.get(name, [name])} & allowed
        }
    assert not missing, f"imported but not declared in [project] dependencies: {sorted(missing)}"


# ---------------------------------------------------------------------------
# The installed entry points, in a real subprocess
# ---------------------------------------------------------------------------


def _subprocess_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE")}
    return env


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_subprocess_env(), timeout=120)


def _console_script() -> str:
    """The script installed beside the running interpreter (its venv), else the one on PATH."""
    beside = Path(sys.executable).parent / "asynclint"
    exe = str(beside) if beside.is_file() else shutil.which("asynclint")
    if exe is None:
        pytest.skip("the asynclint console script is not on PATH")
    return exe


def test_console_script_exit_codes(tmp_path: Path) -> None:
    exe = _console_script()
    write(tmp_path, {"clean/test_a.py": CLEAN, "bad/test_a.py": BAD})
    clean = _run([exe, "--no-cache", "clean"], tmp_path)
    assert (clean.returncode, clean.stderr) == (0, "")
    assert "0 findings in 0 files; 1 file checked" in clean.stdout
    bad = _run([exe, "--no-cache", "--output-format", "concise", "bad"], tmp_path)
    assert bad.returncode == 1
    assert concise_positions(bad.stdout) == [("bad/" + p, line, col, c) for p, line, col, c in BAD_FINDINGS]
    usage = _run([exe, "--no-cache", "--select", "XYZ", "bad"], tmp_path)
    assert usage.returncode == 2
    assert usage.stdout == ""
    assert usage.stderr.startswith("asynclint: error:") and "Traceback" not in usage.stderr
    assert not ANSI.search(bad.stdout + clean.stdout)


def test_python_dash_m_exit_codes(tmp_path: Path) -> None:
    write(tmp_path, {"clean/test_a.py": CLEAN, "bad/test_a.py": BAD})
    base = [sys.executable, "-m", "asynclint"]
    assert _run([*base, "--no-cache", "clean"], tmp_path).returncode == 0
    bad = _run([*base, "--no-cache", "--output-format", "json", "bad"], tmp_path)
    assert bad.returncode == 1
    assert [d["code"] for d in json.loads(bad.stdout)] == ["ASL101", "ASL201", "ASL301"]
    missing = _run([*base, "--no-cache", "nowhere"], tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.strip() == "asynclint: error: path does not exist: nowhere"
    version = _run([*base, "--version"], tmp_path)
    assert (version.returncode, version.stdout.strip()) == (0, f"asynclint, version {__version__}")


def test_console_script_subcommands_and_cache(tmp_path: Path) -> None:
    exe = _console_script()
    write(tmp_path, {"test_a.py": BAD})
    rules = _run([exe, "rules"], tmp_path)
    assert rules.returncode == 0
    assert all(rule.code in rules.stdout for rule in ALL_RULES)
    unknown = _run([exe, "rule", "NOPE"], tmp_path)
    assert unknown.returncode == 2 and unknown.stderr.startswith("asynclint: error:")
    first = _run([exe, "--output-format", "concise"], tmp_path)
    assert (tmp_path / ".asynclint_cache").is_dir()
    second = _run([exe, "--output-format", "concise"], tmp_path)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and codes(first.stdout) == ["ASL101", "ASL201", "ASL301"]


# ---------------------------------------------------------------------------
# The README shows real output
# ---------------------------------------------------------------------------
README = Path(__file__).resolve().parent.parent / "README.md"
DEMO = Path(__file__).resolve().parent.parent / "fixtures_corpus" / "projects" / "readme_demo"


def _readme_blocks() -> list[str]:
    return re.findall(r"```(?:text|json|diff|xml)\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def _sarif_results(printed: str) -> str:
    """What the README shows of the SARIF (``| jq .runs[0].results``): the whole run repeats every rule's docs."""
    return json.dumps(json.loads(printed)["runs"][0]["results"], indent=2)


@pytest.mark.parametrize(
    ("args", "excerpt"),
    [
        (("--no-cache", "tests"), None),
        (("--no-cache", "--output-format", "concise", "tests"), None),
        (("--no-cache", "--output-format", "json", "--select", "ASL201", "tests"), None),
        (("--no-cache", "--diff", "--unsafe-fixes", "tests"), None),
        (("--no-cache", "--statistics", "tests"), None),
        (("--no-cache", "--output-format", "github", "--select", "ASL201,ASL301", "tests"), None),
        (("--no-cache", "--output-format", "sarif", "--select", "ASL201", "tests"), _sarif_results),
        (("--no-cache", "--output-format", "junit", "--select", "ASL201", "tests"), None),
        (("--no-cache", "--output-format", "gitlab", "--select", "ASL201", "tests"), None),
        (("--no-cache", "--output-format", "json-lines", "--select", "ASL201,ASL301", "tests"), None),
    ],
    ids=["text", "concise", "json", "diff", "statistics", "github", "sarif", "junit", "gitlab", "json-lines"],
)
def test_readme_examples_are_what_asynclint_prints(
    args: tuple[str, ...], excerpt: Callable[[str], str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DEMO)
    env = {"NO_COLOR": "1", "COLUMNS": "200", "GITHUB_ACTIONS": None}
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    printed = result.stdout.strip("\n")
    if excerpt is not None:
        printed = excerpt(printed)
    if "--diff" in args:  # the README shows the summary line (stderr) after the diff
        printed = f"{printed}\n{result.stderr.strip()}"
    shown = [re.sub(r"^\$ .*\n", "", block).strip("\n") for block in _readme_blocks()]
    assert printed in shown, printed


def test_json_fix_edits_apply_in_listed_order(project: Path) -> None:
    """A consumer applying each fix's edits in order (each at its original position) gets
    valid code, also when an import and a decorator go in at the same place."""
    source = "async def test_first():\n    pass\n"
    write(project, {"test_a.py": source})
    items = json.loads(invoke("--no-cache", "--output-format", "json").stdout)
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    for item in items:
        edits = item["fix"]["edits"]
        offsets = [
            (starts[e["line"] - 1] + e["column"] - 1, starts[e["end_line"] - 1] + e["end_column"] - 1) for e in edits
        ]
        assert offsets == sorted(offsets)
        text, cursor = [], 0
        for (start, end), edit in zip(offsets, edits):
            text += [source[cursor:start], edit["content"]]
            cursor = end
        fixed = "".join(text) + source[cursor:]
        compile(fixed, "test_a.py", "exec")
        assert fixed.startswith("import pytest\n") and "@pytest.mark.asyncio\nasync def test_first" in fixed


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b'x = 1\nname = "caf\xe9"\n', (2, 12)),  # latin-1 bytes without a coding cookie
        (b"# -*- coding: no-such-codec -*-\nx = 1\n", (1, 1)),
    ],
)
def test_a_file_python_cannot_decode_is_asl000(project: Path, data: bytes, where: tuple[int, int]) -> None:
    (project / "pytest.ini").write_text("[pytest]\n")
    (project / "test_bytes.py").write_bytes(data)
    found = concise_positions(invoke("--no-cache", "--output-format", "concise").stdout)
    assert found == [("test_bytes.py", *where, "ASL000")]
