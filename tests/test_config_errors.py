"""Malformed configuration: one line naming the file and the key, exit 2, never a traceback.

Every key asynclint reads is tried with malformed values, in its own ``[tool.asynclint]``
table and in each form of pytest's configuration (INI, ``[tool.pytest.ini_options]``,
native ``[tool.pytest]``). The command runs in-process through click's runner (an escaping
exception is kept in ``result.exception``); one case runs it in a subprocess as CI does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from asynclint.cli import main

UNMARKED = "import asyncio\n\n\nasync def test_a():\n    await asyncio.sleep(0)\n"
DEEP = 5000  # tomllib recurses once per level: far past Python's recursion limit


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str


def run_check(folder: Path) -> Outcome:
    """``asynclint check .`` in ``folder``; an exception other than the exit is re-raised."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", "--output-format", "concise", "."])
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr)


def assert_one_line_error(result: Outcome | subprocess.CompletedProcess[str], *fragments: str) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("asynclint: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert result.stdout == ""
    return lines[0]


ASYNCLINT_TABLE = [
    # (key = value, fragment naming the key)
    ("select = 5", "'select'"),
    ('select = [1, "ASL1"]', "'select'"),
    ('select = ["ASL9"]', "ASL9"),
    ("extend-select = {a = 1}", "'extend-select'"),
    ("ignore = [[1]]", "'ignore'"),
    ('ignore = ["NOPE"]', "NOPE"),
    ("exclude = 5", "'exclude'"),
    ("exclude = {a = 1}", "'exclude'"),
    ('exclude = ["a\\u0000b"]', "'exclude'"),
    ('per-file-ignores = ["ASL201"]', "'per-file-ignores'"),
    ('per-file-ignores = {"test_*.py" = 5}', "'per-file-ignores.test_*.py'"),
    ('per-file-ignores = {"test_*.py" = ["NOPE1"]}', "NOPE1"),
    ('asyncio-mode = "legacy"', "'asyncio-mode'"),
    ("asyncio-mode = 1", "'asyncio-mode'"),
    ("pytest-asyncio-version = 5", "'pytest-asyncio-version'"),
    ('pytest-asyncio-version = "soon"', "'pytest-asyncio-version'"),
    ('pytest-version = ["8"]', "'pytest-version'"),
    ('unknown-key = "x"', "unknown-key"),
    ("select = " + "[" * DEEP + "]" * DEEP, "nested too deeply"),
]


@pytest.mark.parametrize(("entry", "key"), ASYNCLINT_TABLE, ids=[e for e, _ in ASYNCLINT_TABLE])
def test_malformed_asynclint_key(tmp_path: Path, entry: str, key: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.asynclint]\n{entry}\n", encoding="utf-8")
    (tmp_path / "test_a.py").write_text(UNMARKED)
    line = assert_one_line_error(run_check(tmp_path), "pyproject.toml", key)
    assert line.count("pyproject.toml") == 1, line  # the path is named once, not repeated


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('tool = "text"\n', "'tool' must be a table"),
        ('[tool]\nasynclint = "text"\n', "[tool.asynclint] must be a table"),
        ("[tool.asynclint\nselect = [\n", "invalid TOML"),  # pytest's reader sees the file first
        ("x = " + "[" * DEEP + "]" * DEEP + "\n", "nested too deeply"),
    ],
    ids=["tool-is-text", "asynclint-is-text", "invalid-toml", "deeply-nested"],
)
def test_malformed_pyproject(tmp_path: Path, text: str, fragment: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "test_a.py").write_text(UNMARKED)
    assert_one_line_error(run_check(tmp_path), "pyproject.toml", fragment)


# (key, value as TOML, value as INI or None when INI cannot express it, fragment)
PYTEST_KEYS = [
    ("asyncio_mode", '"bogus"', "bogus", "not a valid asyncio_mode"),
    ("asyncio_mode", '"AUTO"', "AUTO", "not a valid asyncio_mode"),
    ("asyncio_mode", '["auto"]', None, "expects a string"),
    ("anyio_mode", "5", None, "expects a string"),
    ("trio_mode", "[true]", None, "expects a string"),
    ("addopts", '"--asyncio-mode=bogus"', "--asyncio-mode=bogus", "not a valid asyncio_mode"),
    ("addopts", '"-p \\"unclosed"', '-p "unclosed', "cannot be split"),
    ("addopts", "{a = 1}", None, "expects a list of strings"),
    ("testpaths", '["a\\u0000b"]', "a\0b", "NUL"),
    ("testpaths", "5", None, "expects a list of strings"),
    ("testpaths", "[1, 2]", None, "expects a list of strings"),
    ("pythonpath", '["src\\u0000"]', "src\0", "NUL"),
    ("pythonpath", "[{a = 1}]", None, "expects a list of strings"),
    ("python_files", "{a = 1}", None, "expects a list of strings"),
    ("python_files", "[true]", None, "expects a list of strings"),
    ("python_classes", "3.5", None, "expects a list of strings"),
    ("python_functions", "[[]]", None, "expects a list of strings"),
    ("python_functions", '"\\"unclosed"', '"unclosed', "cannot be split"),
    ("norecursedirs", "7", None, "expects a list of strings"),
    ("norecursedirs", '["a\\u0000"]', "a\0", "NUL"),
    ("filterwarnings", "[1]", None, "expects a list of strings"),
]
PYTEST_IDS = [f"{key}={toml}" for key, toml, _, _ in PYTEST_KEYS]


@pytest.mark.parametrize(("key", "toml", "ini", "fragment"), PYTEST_KEYS, ids=PYTEST_IDS)
def test_malformed_pytest_key_in_ini_options(
    tmp_path: Path, key: str, toml: str, ini: str | None, fragment: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.pytest.ini_options]\n{key} = {toml}\n", encoding="utf-8")
    (tmp_path / "test_a.py").write_text(UNMARKED)
    reported = "addopts --asyncio-mode" if key == "addopts" and "asyncio" in toml else key
    assert_one_line_error(run_check(tmp_path), "pyproject.toml", f"[tool.pytest.ini_options] {reported}", fragment)


@pytest.mark.parametrize(
    ("key", "toml", "ini", "fragment"),
    [case for case in PYTEST_KEYS if case[2] is not None],
    ids=[i for i, case in zip(PYTEST_IDS, PYTEST_KEYS) if case[2] is not None],
)
def test_malformed_pytest_key_in_pytest_ini(tmp_path: Path, key: str, toml: str, ini: str, fragment: str) -> None:
    (tmp_path / "pytest.ini").write_bytes(f"[pytest]\n{key} = {ini}\n".encode())
    (tmp_path / "test_a.py").write_text(UNMARKED)
    reported = "addopts --asyncio-mode" if key == "addopts" and "asyncio" in ini else key
    assert_one_line_error(run_check(tmp_path), "pytest.ini", f"[pytest] {reported}", fragment)


@pytest.mark.parametrize("key", ["addopts", "testpaths", "python_files", "norecursedirs", "filterwarnings"])
def test_native_toml_wants_lists_like_pytest_9(tmp_path: Path, key: str) -> None:
    """pytest 9 refuses a string for a list-typed key in ``[tool.pytest]`` ("expects a list")."""
    (tmp_path / "pyproject.toml").write_text(f'[tool.pytest]\n{key} = "x"\n', encoding="utf-8")
    (tmp_path / "test_a.py").write_text(UNMARKED)
    assert_one_line_error(run_check(tmp_path), "pyproject.toml", f"[tool.pytest] {key}", "expects a list of strings")


@pytest.mark.parametrize(
    ("name", "text"),
    [("pytest.ini", "asyncio_mode = auto\n"), ("tox.ini", "[pytest\n"), ("setup.cfg", "[tool:pytest]\nx\n")],
)
def test_invalid_ini(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "test_a.py").write_text(UNMARKED)
    assert_one_line_error(run_check(tmp_path), name, "invalid INI")


def test_deeply_nested_pytest_config(tmp_path: Path) -> None:
    nested = "[" * DEEP + "]" * DEEP
    (tmp_path / "pytest.toml").write_text(f"[pytest]\nx = {nested}\n", encoding="utf-8")
    (tmp_path / "test_a.py").write_text(UNMARKED)
    assert_one_line_error(run_check(tmp_path), "pytest.toml", "nested too deeply")


def test_end_to_end_in_a_subprocess(tmp_path: Path) -> None:
    """As CI runs it: nothing but the one line reaches stderr."""
    (tmp_path / "pyproject.toml").write_text('tool = "text"\n', encoding="utf-8")
    (tmp_path / "test_a.py").write_text(UNMARKED)
    result = subprocess.run(
        [sys.executable, "-m", "asynclint", "check", "--no-cache", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert_one_line_error(result, "pyproject.toml", "'tool' must be a table")


def test_malformed_dependency_tables_are_not_fatal(tmp_path: Path) -> None:
    """Dependency declarations are version hints for the rules, not asynclint's configuration."""
    (tmp_path / "pyproject.toml").write_text(
        'project = "x"\n[tool.poetry]\ngroup = [1]\n[tool.pytest.ini_options]\nasyncio_mode = "strict"\n',
        encoding="utf-8",
    )
    (tmp_path / "test_a.py").write_text(UNMARKED)
    result = run_check(tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert "ASL101" in result.stdout


def test_a_valid_config_of_every_key_still_runs(tmp_path: Path) -> None:
    """The checks refuse only malformed values: every key well-formed lints normally."""
    (tmp_path / "pyproject.toml").write_text(
        "[tool.asynclint]\n"
        'select = ["ASL1"]\nextend-select = ["ASL2"]\nignore = ["ASL102"]\nexclude = ["legacy/"]\n'
        'per-file-ignores = {"test_b.py" = ["ASL101"]}\nasyncio-mode = "strict"\n'
        'pytest-asyncio-version = "0.23.8"\npytest-version = "8.3.0"\n'
        "[tool.pytest.ini_options]\n"
        'asyncio_mode = "strict"\nanyio_mode = "strict"\ntrio_mode = false\naddopts = "-p no:cacheprovider"\n'
        'testpaths = ["."]\npythonpath = ["."]\npython_files = ["test_*.py"]\npython_classes = ["Test"]\n'
        'python_functions = ["test"]\nnorecursedirs = [".*"]\nfilterwarnings = ["error"]\n',
        encoding="utf-8",
    )
    (tmp_path / "test_a.py").write_text(UNMARKED)
    (tmp_path / "test_b.py").write_text(UNMARKED)
    result = run_check(tmp_path)
    assert (result.returncode, result.stderr) == (1, ""), result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines() if "ASL" in line] == ["test_a.py"]


@pytest.mark.oracle
def test_pytest_asyncio_itself_refuses_an_invalid_mode(tmp_path: Path) -> None:
    """Why an invalid asyncio_mode is an error and not a warning: pytest-asyncio raises a
    UsageError for every test (``Mode(value)``, case-sensitive), so nothing asynclint could
    say about the suite's async tests would hold."""
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = AUTO\n")
    (tmp_path / "test_a.py").write_text("def test_a():\n    pass\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert proc.returncode != 0
    assert "'AUTO' is not a valid asyncio_mode" in proc.stdout + proc.stderr
