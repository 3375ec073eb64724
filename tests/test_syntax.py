"""ASL000 is Python's verdict for the project's Pythons, and no file is fatal.

Validity is decided by parsing and compiling (never running) the file, for the
Python versions the project supports; deep but valid code is analysed, code
too deep for CPython is ASL000, code libcst cannot handle is a warning; huge
files are skipped above ``max-file-size``. No timing here: bench/huge_files.py
measures the cost.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from asynclint.api import fix_paths, lint_paths, lint_text
from asynclint.cli import main
from asynclint.config.settings import SettingsError, load_settings
from asynclint.engine import parsing
from asynclint.engine.parsing import MAX_NESTING, check_source, nesting_depth, run_deep, supports_newer_python

CORPUS = Path(__file__).resolve().parent.parent / "fixtures_corpus"
TYPED_PROJECT = CORPUS / "projects" / "requires_312_type_statement"
HOST_BEFORE_312 = sys.version_info < (3, 12)


def _cli(folder: Path, *args: str) -> Result:
    return CliRunner().invoke(
        main, ["--no-cache", *args, str(folder)], env={"NO_COLOR": "1", "COLUMNS": "200"}, catch_exceptions=False
    )


def _project(tmp_path: Path, files: dict[str, str], requires: str | None = None) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    table = f'requires-python = "{requires}"\n' if requires else ""
    # strict mode chosen on purpose: the suite's own marks then decide nothing (see the runner evidence)
    (project / "pyproject.toml").write_text(
        f'[project]\nname = "p"\nversion = "1"\n{table}[tool.pytest.ini_options]\nasyncio_mode = "strict"\n'
    )
    for name, text in files.items():
        (project / name).write_text(textwrap.dedent(text))
    return project


def _codes(diagnostics) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in diagnostics]


# --------------------------------------------------------------------------- host independence


@pytest.mark.skipif(not HOST_BEFORE_312, reason="the host itself accepts 3.12 syntax")
def test_newer_syntax_for_a_project_that_supports_it_is_a_warning_not_a_finding() -> None:
    result = _cli(TYPED_PROJECT)
    assert result.exit_code == 0, result.output
    assert "ASL000" not in result.stdout
    host = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert result.stderr.strip().splitlines() == [
        f"asynclint: warning: {TYPED_PROJECT / 'tests' / 'test_aliases.py'}: "
        f"cannot analyse: syntax newer than this interpreter (Python {host})"
    ]


@pytest.mark.skipif(not HOST_BEFORE_312, reason="the host itself accepts 3.12 syntax")
def test_newer_syntax_is_asl000_when_no_supported_python_has_it(tmp_path: Path) -> None:
    project = _project(tmp_path, {"test_alias.py": "type X = int\n"}, requires=">=3.8,<3.12")
    assert not supports_newer_python(project)
    result = lint_paths([str(project)])
    assert _codes(result.diagnostics) == [("ASL000", 1)]
    assert result.warnings == []


@pytest.mark.skipif(not HOST_BEFORE_312, reason="the host itself accepts 3.12 syntax")
def test_without_requires_python_the_newest_python_decides(tmp_path: Path) -> None:
    project = tmp_path / "bare"
    project.mkdir()
    (project / "setup.py").write_text("")
    (project / "test_alias.py").write_text("type X = int\n")
    result = lint_paths([str(project)])
    assert result.diagnostics == []
    assert [w.split(": ", 1)[1] for w in result.warnings] == [
        f"cannot analyse: syntax newer than this interpreter (Python 3.{sys.version_info[1]})"
    ]


def test_requires_python_from_setup_cfg(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[options]\npython_requires = >=3.6, <3.9\n")
    assert not supports_newer_python(tmp_path)
    (tmp_path / "setup.cfg").write_text("[options]\npython_requires = >=3.6\n")
    parsing.clear_cache()
    assert supports_newer_python(tmp_path) is (sys.version_info[:2] < parsing.NEWEST_PYTHON)


def test_invalid_for_every_python_is_asl000_even_when_newer_pythons_are_supported(tmp_path: Path) -> None:
    project = _project(tmp_path, {"test_broken.py": "def f(:\n    pass\n"}, requires=">=3.10")
    result = lint_paths([str(project)])
    assert _codes(result.diagnostics) == [("ASL000", 1)]
    assert result.warnings == []


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("def test_a():\n    await x\n", 2, "'await' outside async function"),
        ("import asyncio\nawait asyncio.sleep(0)\n", 2, "'await' outside function"),
        ("async def gen():\n    yield 1\n    return 2\n", 3, "'return' with value in async generator"),
        ("def test_a():\n    async with x:\n        pass\n", 2, "'async with' outside async function"),
        ("async def test_a():\n    yield from x\n", 2, "'yield from' inside async function"),
        ("def test_a():\n    return [i async for i in x]\n", 2, "asynchronous comprehension outside"),
        ("for x in y:\n    pass\nbreak\n", 3, "'break' outside loop"),
    ],
)
def test_what_only_the_compiler_rejects_is_asl000(source: str, line: int, message: str) -> None:
    verdict = check_source(source, "test_x.py", None)
    assert verdict.tree is None and verdict.error is not None
    assert verdict.error[0] == line
    assert message in verdict.error[2]
    found = lint_text(source, "test_x.py")
    assert [(d.code, d.line) for d in found] == [("ASL000", line)]


def test_compiling_never_runs_the_file(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    source = f"open({str(marker)!r}, 'w').close()\nimport os\nos.system('touch {marker}')\n"
    assert check_source(source, "test_x.py", None).tree is not None
    lint_text(source, str(tmp_path / "test_x.py"))
    assert not marker.exists()


def test_syntax_warnings_of_the_linted_file_do_not_leak(capfd: pytest.CaptureFixture[str]) -> None:
    source = (CORPUS / "ASL000" / "test_ok_syntax_warnings.py").read_text()
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        with warnings.catch_warnings(record=True) as caught:
            assert lint_text(source, "test_warned.py") == []
    assert [w for w in caught if issubclass(w.category, SyntaxWarning)] == []
    assert capfd.readouterr().err == ""


def test_syntax_warnings_do_not_leak_from_the_command_line(tmp_path: Path) -> None:
    project = _project(tmp_path, {"test_w.py": "import pytest\nX = 1if 1 else 2\nY = '\\d'\n"})
    result = _cli(project)
    assert result.exit_code == 0, result.output
    assert "SyntaxWarning" not in result.stderr and result.stderr == ""


# --------------------------------------------------------------------------- deep code


def _chain(terms: int, operator: str = " + ", term: str = "a") -> str:
    return operator.join([term] * terms)


UNMARKED = "import asyncio\n\n\nasync def test_a():\n    x = {expr}\n    asyncio.sleep(x)\n"


@pytest.mark.parametrize("expr", [_chain(400), _chain(2000), "f" + "()" * 1000, "f" + ".a" * 1500])
def test_deep_but_valid_code_is_analysed(expr: str) -> None:
    found = lint_text(UNMARKED.format(expr=expr), "test_deep.py")
    assert sorted(_codes(found)) == [("ASL101", 4), ("ASL201", 6)]


def test_code_too_deep_for_python_is_asl000() -> None:
    found = lint_text("x = " + _chain(5000, term="1") + "\n", "test_deep.py")
    assert _codes(found) == [("ASL000", 1)]
    assert "nesting too deep" in found[0].message


def test_code_deeper_than_libcst_can_follow_is_a_warning(tmp_path: Path) -> None:
    project = _project(tmp_path, {"test_or.py": UNMARKED.format(expr=_chain(20_000, " or "))})
    result = lint_paths([str(project)])
    assert result.diagnostics == []
    assert len(result.warnings) == 1
    assert f"cannot analyse: nested 20005 levels deep (the limit is {MAX_NESTING})" in result.warnings[0]


def test_nesting_depth_counts_boolean_chains_as_libcst_nests_them() -> None:
    pair = nesting_depth(ast.parse("x = a or b"))
    assert nesting_depth(ast.parse("x = " + _chain(10, " or "))) == pair + 8
    deep = ast.parse("x = " + _chain(2000))
    assert nesting_depth(deep) > 2000


def test_run_deep_propagates_exceptions_and_nests_inline() -> None:
    def fail() -> None:
        raise KeyError("x")

    with pytest.raises(KeyError):
        run_deep(fail)
    assert run_deep(lambda: run_deep(lambda: 7)) == 7


def test_module_level_deep_expression_with_json_and_fix(tmp_path: Path) -> None:
    source = "import asyncio\nx = " + _chain(325, term="1") + "\n\n\nasync def test_a():\n    await asyncio.sleep(0)\n"
    project = _project(tmp_path, {"test_m.py": source})
    result = _cli(project, "--output-format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    [finding] = json.loads(result.stdout)
    assert finding["code"] == "ASL101"
    assert any(e["content"] == "import pytest\n" for e in finding["fix"]["edits"])
    fixed = fix_paths([str(project)])
    assert fixed.fixed == 1 and fixed.diagnostics == []
    text = (project / "test_m.py").read_text()
    assert text.startswith("import asyncio\nimport pytest\n")
    compile(text, "test_m.py", "exec")


def test_index_of_a_project_module_too_deep_for_python(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {
            "helpers.py": "x = " + _chain(5000, term="1") + "\n",
            "test_uses.py": "import asyncio\nimport pytest\nfrom helpers import x\n\n\n"
            "@pytest.mark.asyncio\nasync def test_a():\n    asyncio.sleep(x)\n",
        },
    )
    result = lint_paths([str(project)])
    assert _codes(result.diagnostics) == [("ASL201", 8)]


# --------------------------------------------------------------------------- huge files


def test_files_above_max_file_size_are_skipped_with_a_warning(tmp_path: Path) -> None:
    project = _project(tmp_path, {"test_big.py": UNMARKED.format(expr="1") + "#" * 3000 + "\n"})
    with (project / "pyproject.toml").open("a") as handle:
        handle.write('\n[tool.asynclint]\nmax-file-size = "2KB"\n')
    result = _cli(project)
    assert result.exit_code == 0, result.output
    size = (project / "test_big.py").stat().st_size
    assert result.stderr.strip() == (
        f"asynclint: warning: {project / 'test_big.py'}: skipped: {size / 1024:.1f} KB is above max-file-size (2.0 KB)"
    )
    settings = load_settings(project)
    assert settings.max_file_size == 2048
    unlimited = lint_paths([str(project)], settings=dataclasses.replace(settings, max_file_size=0))
    assert sorted(d.code for d in unlimited.diagnostics) == ["ASL101", "ASL201"]


@pytest.mark.parametrize(
    ("value", "expected"), [(1000, 1000), ("5MB", 5 * 1024 * 1024), ("512 kb", 512 * 1024), (0, 0)]
)
def test_max_file_size_values(tmp_path: Path, value: object, expected: int) -> None:
    written = f'"{value}"' if isinstance(value, str) else str(value)
    (tmp_path / "pyproject.toml").write_text(f"[tool.asynclint]\nmax-file-size = {written}\n")
    assert load_settings(tmp_path).max_file_size == expected


@pytest.mark.parametrize("value", ['"big"', "-1", "true", "1.5", '"5GB"'])
def test_bad_max_file_size_is_one_clear_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.asynclint]\nmax-file-size = {value}\n")
    with pytest.raises(SettingsError, match="'max-file-size' must be a size"):
        load_settings(tmp_path)


# --------------------------------------------------------------------------- many findings


def test_positions_of_many_findings_in_one_file() -> None:
    tests = "".join(
        f"@pytest.fixture\nasync def f{i}():\n    return {i}\n\n\nasync def test_{i}():\n    asyncio.sleep({i})\n\n\n"
        for i in range(60)
    )
    source = "import asyncio\nimport pytest\n\n\n" + tests
    found = lint_text(source, "test_many.py")
    lines = source.splitlines()
    by_code: dict[str, list[int]] = {}
    for d in found:
        by_code.setdefault(d.code, []).append(d.line)
        assert lines[d.line - 1] == d.source_line
    assert by_code["ASL101"] == [i for i, text in enumerate(lines, 1) if text.startswith("async def test_")]
    assert by_code["ASL201"] == [i for i, text in enumerate(lines, 1) if "asyncio.sleep(" in text]
