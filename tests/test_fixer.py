"""The fixer: golden before/after files, fixed points, byte preservation, encodings, imports, CLI.

Golden pairs live in ``fixtures_corpus/fixes/<CODE>/test_<name>.py`` (before) and
``test_<name>.fixed.py`` (exactly what ``--fix`` must make of it; unsafe codes are fixed
with ``--unsafe-fixes``). Each pair is fixed in a fresh folder (own ``pytest.ini``, strict
mode unless the file's header says otherwise).
"""

from __future__ import annotations

import difflib
import json
import os
import random
import re
import shutil
import stat
from pathlib import Path

import libcst as cst
import pytest
from click.testing import CliRunner
from corpus_grammar import (
    ALL_CODES,
    CORPUS,
    FIXES,
    UNSAFE,
    file_name,
    golden_pairs,
    header_settings,
    pytest_options,
    single_files,
)
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from asynclint.api import fix_paths, lint_paths
from asynclint.cli import main
from asynclint.config.settings import Settings
from asynclint.fixer.edits import LineIndex, apply, locate, select
from asynclint.fixer.fixer import fix_text, is_applicable
from asynclint.fixer.imports import ImportMergeError, _add_imports, complete_fixes, import_edits, merge_imports
from asynclint.fixer.source import NEWLINE, SourceText
from asynclint.model import Applicability, Diagnostic, Edit, Fix, ImportRequest, Position, Span

EVERYTHING = Settings(enabled=ALL_CODES)


def stage(before: Path, folder: Path) -> Path:
    """Copy a golden before-file into its own project folder; return the copy."""
    data = before.read_bytes()
    settings = header_settings(data)
    options = {"asyncio_mode": "strict", **pytest_options(settings)}  # strict on purpose unless the header says
    ini = "[pytest]\n" + "".join(f"{k} = {v}\n" for k, v in options.items())
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pytest.ini").write_text(ini)
    target = folder / file_name(before, settings)
    target.write_bytes(data)
    return target


def codes_of(diagnostics: list[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == code]


def compiles(data: bytes) -> bool:
    try:
        compile(data, "<fixed>", "exec", dont_inherit=True)
    except SyntaxError:
        return False
    return True


# --------------------------------------------------------------------------- goldens


# Which rules need a golden pair: tests/test_registry_drift.py.


def test_every_golden_has_its_fixed_file() -> None:
    for before, after in golden_pairs():
        assert after.is_file(), f"{before} has no {after.name}"
    orphans = [
        p for p in FIXES.glob("ASL*/*.fixed.py") if not p.with_name(p.name.replace(".fixed.py", ".py")).is_file()
    ]
    assert not orphans


@pytest.mark.parametrize("pair", golden_pairs(), ids=lambda p: str(p[0].relative_to(FIXES)))
def test_golden(pair: tuple[Path, Path], tmp_path: Path) -> None:
    before, after = pair
    code = before.parent.name
    target = stage(before, tmp_path / "project")
    expected = after.read_bytes()
    initial = codes_of(lint_paths([str(target)], settings=EVERYTHING).diagnostics, code)
    assert initial, f"{before.name} has no {code} finding to fix"

    run = fix_paths([str(target)], settings=EVERYTHING, unsafe=code in UNSAFE)
    fixed = target.read_bytes()
    assert fixed == expected, "".join(
        difflib.unified_diff(
            expected.decode("utf-8").splitlines(True), fixed.decode("utf-8").splitlines(True), "golden", "got"
        )
    )
    assert compiles(fixed)
    cst.parse_module(fixed.decode("utf-8"))
    remaining = codes_of(lint_paths([str(target)], settings=EVERYTHING).diagnostics, code)
    assert remaining == codes_of(run.diagnostics, code)
    if expected == before.read_bytes():
        # A negative: findings the rule cannot fix safely carry no fix at all.
        assert all(not is_applicable(d.fix, unsafe=True) for d in initial)
        assert run.fixed == 0
    else:
        assert not remaining, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in remaining)
        assert run.applied[code] >= len(initial)
    # A second --fix changes nothing.
    again = fix_paths([str(target)], settings=EVERYTHING, unsafe=True)
    assert target.read_bytes() == expected
    assert again.fixed == 0 and not again.changed


@pytest.mark.parametrize(
    "pair",
    [p for p in golden_pairs() if p[0].parent.name in UNSAFE],
    ids=lambda p: str(p[0].relative_to(FIXES)),
)
def test_unsafe_fixes_need_the_flag(pair: tuple[Path, Path], tmp_path: Path) -> None:
    before, _ = pair
    code = before.parent.name
    target = stage(before, tmp_path / "project")
    initial = codes_of(lint_paths([str(target)], settings=EVERYTHING).diagnostics, code)
    run = fix_paths([str(target)], settings=EVERYTHING, unsafe=False)
    assert run.applied[code] == 0
    assert len(codes_of(run.diagnostics, code)) == len(initial)


def _touched_lines(diagnostics: list[Diagnostic], text: str) -> set[int]:
    lines: set[int] = set()
    for d in diagnostics:
        if d.fix is None:
            continue
        for edit in d.fix.edits:
            lines.update(range(edit.span.start.line, edit.span.end.line + 1))
    module = cst.parse_module(text)
    from libcst.metadata import MetadataWrapper, PositionProvider

    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine) and all(
            isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
        ):
            where = positions[statement]
            lines.update(range(where.start.line, where.end.line + 1))
    return lines


def _one_round(path: Path, unsafe: bool):
    """(before text, diagnostics, after text) of one fix round on ``path``."""
    from asynclint.engine.discovery import SourceFile
    from asynclint.fixer.fixer import _linter

    source = SourceText.from_bytes(path.read_bytes())
    assert source is not None
    lint = _linter(SourceFile(path.resolve(), str(path)), EVERYTHING, path.parent)
    diagnostics = lint(source.text)
    result = fix_text(source, lint, unsafe=unsafe, max_rounds=1)
    return source.text, diagnostics, result.text


def _corpus_files() -> list[Path]:
    files = [b for b, _ in golden_pairs()]
    files += [p for p in single_files() if p.parent.name != "ASL000"]
    return files


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_bytes_outside_edits_are_kept(path: Path, tmp_path: Path) -> None:
    """Property: a fix round changes only lines its edits touch (and import lines)."""
    target = stage(path, tmp_path / "project")
    before, diagnostics, after = _one_round(target, unsafe=True)
    touched = _touched_lines(diagnostics, before)
    old, new = NEWLINE.split(before), NEWLINE.split(after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            changed = set(range(a1 + 1, a2 + 1))
            assert changed <= touched, f"lines {sorted(changed - touched)} changed but no edit touched them"
    if after != before:
        assert compiles(after.encode("utf-8"))


def test_whole_corpus_fixes_to_a_stable_point(tmp_path: Path) -> None:
    """Every corpus file still parses after --fix --unsafe-fixes, and a second run does nothing."""
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy, ignore=shutil.ignore_patterns("__pycache__", "*.fixed.py"))
    originals = {p: p.read_bytes() for p in copy.rglob("*.py")}
    first = fix_paths([str(copy)], settings=EVERYTHING, unsafe=True)
    assert first.fixed > 0 and not first.errors
    for path, data in originals.items():
        now = path.read_bytes()
        if compiles(data):
            assert compiles(now), path
        else:
            assert now == data, f"{path} did not parse before and must be left alone"
    snapshot = {p: p.read_bytes() for p in copy.rglob("*.py")}
    second = fix_paths([str(copy)], settings=EVERYTHING, unsafe=True)
    assert second.fixed == 0 and not second.changed
    assert {p: p.read_bytes() for p in copy.rglob("*.py")} == snapshot
    fixable_left = [d for d in second.diagnostics if is_applicable(d.fix, unsafe=True)]
    assert not fixable_left, [(d.path, d.line, d.code) for d in fixable_left]


# --------------------------------------------------------------------------- encodings


UNMARKED = "import asyncio\n\n\nasync def test_x():\n    await asyncio.sleep(0)  # café\n"


def write_project(tmp_path: Path, name: str, data: bytes) -> Path:
    """A one-file project that chose pytest-asyncio's strict mode on purpose."""
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + UNMARKED.replace("\n", "\r\n").encode("utf-8")
    path = write_project(tmp_path, "test_crlf.py", data)
    run = fix_paths([str(path)], settings=EVERYTHING)
    assert run.fixed == 1
    fixed = path.read_bytes()
    assert fixed.startswith(b"\xef\xbb\xbf")
    body = fixed[3:]
    assert b"\n" not in body.replace(b"\r\n", b"")  # every line break is still CRLF
    assert body.decode("utf-8") == (
        "import asyncio\r\nimport pytest\r\n\r\n\r\n@pytest.mark.asyncio\r\n"
        "async def test_x():\r\n    await asyncio.sleep(0)  # café\r\n"
    )
    assert fix_paths([str(path)], settings=EVERYTHING).fixed == 0


def test_latin1_coding_cookie_is_kept(tmp_path: Path) -> None:
    text = "# -*- coding: latin-1 -*-\n" + UNMARKED
    path = write_project(tmp_path, "test_latin.py", text.encode("latin-1"))
    assert fix_paths([str(path)], settings=EVERYTHING).fixed == 1
    fixed = path.read_bytes()
    assert b"caf\xe9" in fixed  # still one latin-1 byte, not UTF-8
    assert fixed.decode("latin-1").startswith("# -*- coding: latin-1 -*-\nimport asyncio\nimport pytest\n")
    assert "@pytest.mark.asyncio\nasync def test_x" in fixed.decode("latin-1")


def test_a_coding_cookie_in_a_cr_only_file_is_honoured(tmp_path: Path) -> None:
    """CPython reads the cookie of a lone-CR file; tokenize.detect_encoding alone does not."""
    data = "# -*- coding: latin-1 -*-\r# café\rimport asyncio\r\r\rasync def test_x():\r    await asyncio.sleep(0)\r"
    data_bytes = data.encode("latin-1")
    assert SourceText.from_bytes(data_bytes) is not None
    path = write_project(tmp_path, "test_cr_latin1.py", data_bytes)
    assert [d.code for d in lint_paths([str(path)]).diagnostics] == ["ASL101"]
    fix_paths([str(path)], settings=EVERYTHING)
    assert (
        path.read_bytes()
        .decode("latin-1")
        .endswith("\r@pytest.mark.asyncio\rasync def test_x():\r    await asyncio.sleep(0)\r")
    )


def test_mixed_newlines_outside_edits_are_kept(tmp_path: Path) -> None:
    data = b"import asyncio\r\nimport pytest\n\n\nasync def test_x():\r\n    await asyncio.sleep(0)\n# end\r\n"
    path = write_project(tmp_path, "test_mixed.py", data)
    fix_paths([str(path)], settings=EVERYTHING)
    assert path.read_bytes() == (
        b"import asyncio\r\nimport pytest\n\n\n@pytest.mark.asyncio\r\n"
        b"async def test_x():\r\n    await asyncio.sleep(0)\n# end\r\n"
    )


def _cli_in(folder: Path, *args: str):
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, ["--no-cache", *args], catch_exceptions=False)
    finally:
        os.chdir(cwd)


def test_a_hard_linked_file_is_fixed_in_place_for_every_name(tmp_path: Path) -> None:
    """Documented: the file's one inode is rewritten, so its other name sees the fix too."""
    (tmp_path / "project").mkdir()
    path = write_project(tmp_path / "project", "test_linked.py", UNMARKED.encode())
    other = tmp_path / "elsewhere.py"
    os.link(path, other)
    _cli_in(tmp_path / "project", "--fix", ".")
    assert b"@pytest.mark.asyncio\n" in path.read_bytes()
    assert other.read_bytes() == path.read_bytes()
    assert os.stat(other).st_ino == os.stat(path).st_ino and os.stat(path).st_nlink == 2


def test_a_symlink_out_of_the_tree_is_fixed_only_when_named(tmp_path: Path) -> None:
    outside = tmp_path / "other_project" / "test_shared.py"
    outside.parent.mkdir()
    outside.write_bytes(UNMARKED.encode())
    (outside.parent / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    project = tmp_path / "project"
    (project / "tests").mkdir(parents=True)
    write_project(project, "test_own.py", UNMARKED.encode())
    link = project / "tests" / "test_shared.py"
    link.symlink_to(outside)
    for mode in ("--diff", "--fix"):
        result = _cli_in(project, mode, ".")
        warnings = [line for line in result.stderr.splitlines() if "warning" in line]
        assert warnings == [
            f"asynclint: warning: tests/test_shared.py: not fixed: it links to {outside.resolve()}, "
            "outside the paths given (name the file itself to fix it)"
        ]
        assert outside.read_bytes() == UNMARKED.encode() and link.is_symlink()
        if mode == "--diff":
            assert b"a/test_own.py" in result.stdout_bytes and b"test_shared.py" not in result.stdout_bytes
    assert b"@pytest.mark.asyncio" in (project / "test_own.py").read_bytes()  # the rest is fixed
    result = _cli_in(project, "--fix", "tests/test_shared.py")
    assert "warning" not in result.stderr
    assert b"@pytest.mark.asyncio\n" in outside.read_bytes() and link.is_symlink()


def test_a_symlink_inside_the_tree_is_followed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "shared").mkdir(parents=True)
    real = write_project(project, "shared/test_base.py", UNMARKED.encode())
    (project / "test_alias.py").symlink_to(real)
    result = _cli_in(project, "--fix", ".")
    assert "warning" not in result.stderr
    assert b"@pytest.mark.asyncio\n" in real.read_bytes() and (project / "test_alias.py").is_symlink()


def test_file_mode_is_kept_and_no_temp_file_is_left(tmp_path: Path) -> None:
    path = write_project(tmp_path, "test_mode.py", UNMARKED.encode("utf-8"))
    os.chmod(path, 0o640)
    fix_paths([str(path)], settings=EVERYTHING)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pytest.ini", "test_mode.py"]


def test_undecodable_file_is_not_touched(tmp_path: Path) -> None:
    data = UNMARKED.encode("utf-8").replace(b"caf\xc3\xa9", b"caf\xff")  # invalid UTF-8
    path = write_project(tmp_path, "test_bad_bytes.py", data)
    run = fix_paths([str(path)], settings=EVERYTHING)
    assert path.read_bytes() == data
    assert run.fixed == 0


def test_diff_mode_writes_nothing(tmp_path: Path) -> None:
    path = write_project(tmp_path, "test_diff.py", UNMARKED.encode("utf-8"))
    run = fix_paths([str(path)], settings=EVERYTHING, write=False)
    assert path.read_bytes() == UNMARKED.encode("utf-8")
    [change] = run.changed
    assert not change.written
    diff = change.diff()
    assert b"+@pytest.mark.asyncio\n" in diff and b"+import pytest\n" in diff
    assert [d.code for d in run.diagnostics] == []


# --------------------------------------------------------------------------- never write broken code


def _diagnostic(code: str, line: int, edits: list[tuple[int, int, int, int, str]], imports=()) -> Diagnostic:
    return Diagnostic(
        code=code,
        name="x",
        message=f"{code} at {line}",
        path="t.py",
        span=Span(Position(line, 1), Position(line, 1)),
        fix=Fix(
            Applicability.SAFE,
            "t",
            tuple(Edit(Span(Position(a, b), Position(c, d)), content) for a, b, c, d, content in edits),
            tuple(imports),
        ),
    )


def _fake_lint(table):
    """A lint function returning canned diagnostics for exact texts (none otherwise)."""
    return lambda text: list(table.get(text, []))


def test_a_fix_that_breaks_the_file_is_not_applied() -> None:
    text = "x = 1\ny = 2\n"
    broken = _diagnostic("ASL201", 1, [(1, 1, 1, 1, "(")])
    result = fix_text(SourceText.from_bytes(text.encode()), _fake_lint({text: [broken]}))
    assert result.text == text
    assert result.fixed == 0 and result.rejected == [broken]


def test_the_good_fixes_of_a_round_survive_a_bad_one() -> None:
    text = "x = 1\ny = 2\n"
    good = _diagnostic("ASL201", 1, [(1, 5, 1, 6, "10")])
    bad = _diagnostic("ASL202", 2, [(2, 1, 2, 2, "def")])
    after = "x = 10\ny = 2\n"
    result = fix_text(SourceText.from_bytes(text.encode()), _fake_lint({text: [good, bad], after: [bad]}))
    assert result.text == after
    assert result.applied == {"ASL201": 1}


def test_await_outside_async_is_caught_by_compile() -> None:
    text = "def f():\n    g()\n"
    needs_async = _diagnostic("ASL201", 2, [(2, 5, 2, 5, "await ")])
    result = fix_text(SourceText.from_bytes(text.encode()), _fake_lint({text: [needs_async]}))
    assert result.text == text  # libcst parses it; compile() refuses it


def test_broken_fix_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from asynclint.fixer import fixer as fixer_module

    path = write_project(tmp_path, "test_broken.py", UNMARKED.encode("utf-8"))

    def lint_source(text, *args, **kwargs):
        class Result:
            diagnostics = [_diagnostic("ASL101", 4, [(4, 1, 4, 1, "@@@\n")])]

        return Result()

    monkeypatch.setattr(fixer_module, "lint_source", lint_source)
    run = fix_paths([str(path)], settings=EVERYTHING)
    assert path.read_bytes() == UNMARKED.encode("utf-8")
    assert run.fixed == 0


def test_overlapping_fixes_wait_for_the_next_round() -> None:
    text = "a = f(g())\n"
    outer = _diagnostic("ASL202", 1, [(1, 5, 1, 11, "F(g())")])
    inner = _diagnostic("ASL201", 1, [(1, 7, 1, 10, "G()")])
    first = "a = F(g())\n"
    second = "a = F(G())\n"
    result = fix_text(
        SourceText.from_bytes(text.encode()),
        _fake_lint({text: [outer, inner], first: [_diagnostic("ASL201", 1, [(1, 7, 1, 10, "G()")])]}),
    )
    assert result.text == second
    assert result.rounds == 2 and result.fixed == 2


def test_identical_fixes_count_once_applied_once() -> None:
    text = "def t():\n    pass\n"
    one = _diagnostic("ASL401", 1, [(1, 1, 1, 1, "# x\n")])
    two = _diagnostic("ASL401", 2, [(1, 1, 1, 1, "# x\n")])
    result = fix_text(SourceText.from_bytes(text.encode()), _fake_lint({text: [one, two]}))
    assert result.text == "# x\ndef t():\n    pass\n"
    assert result.applied == {"ASL401": 2}


def test_oscillating_fixes_stop() -> None:
    a, b = "x = 1\n", "x = 2\n"
    to_b = _diagnostic("ASL201", 1, [(1, 5, 1, 6, "2")])
    to_a = _diagnostic("ASL201", 1, [(1, 5, 1, 6, "1")])
    result = fix_text(SourceText.from_bytes(a.encode()), _fake_lint({a: [to_b], b: [to_a]}))
    assert result.text in (a, b)
    assert result.rounds <= 10


# --------------------------------------------------------------------------- edits


def _random_cases(count: int = 300):
    rng = random.Random(20240501)
    for _ in range(count):
        text = "".join(rng.choice("ab \n\r\tx(),é") for _ in range(rng.randint(0, 60)))
        raw = [
            (rng.randint(0, 70), rng.randint(0, 10), "".join(rng.choice("XYZ\n") for _ in range(rng.randint(0, 4))))
            for _ in range(rng.randint(0, 6))
        ]
        yield text, raw


def test_apply_keeps_everything_outside_chosen_edits() -> None:
    """Property, on seeded random texts and edits (CRLF, CR, tabs, non-ASCII)."""
    for text, raw in _random_cases(500):
        _check_apply(text, raw)


def _check_apply(text: str, raw) -> None:
    index = LineIndex(text)

    def position(offset: int) -> Position:
        line = index.line_of(offset)
        return Position(line, offset - index.starts[line - 1] + 1)

    candidates = []
    for n, (start, length, content) in enumerate(raw):
        start = min(start, len(text))
        end = min(start + length, len(text))
        # Offsets inside a CRLF pair have no position; move them off it.
        if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n":
            start -= 1
        if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
            end -= 1
        end = max(start, end)
        edit = Edit(Span(position(start), position(end)), content)
        diagnostic = _diagnostic("ASL201", 1, [])
        diagnostic = Diagnostic(
            "ASL201", "x", str(n), "t.py", diagnostic.span, Fix(Applicability.SAFE, str(n), (edit,))
        )
        located = locate(diagnostic, index, lambda content, at: content)
        assert located is not None and located.edits == ((start, end, content),)
        candidates.append(located)
    chosen = select(candidates).chosen
    spans = sorted((e[0], e[1]) for item in chosen for e in item.edits)
    for (_s1, e1), (s2, _e2) in zip(spans, spans[1:]):
        assert e1 < s2  # no overlap, not even touching
    result = apply(text, chosen)
    # Every gap between chosen edits appears in the result, in order.
    cursor = 0
    position_in_result = 0
    for item in sorted(chosen, key=lambda c: c.start):
        start, end, content = item.edits[0]
        gap = text[cursor:start]
        assert result.startswith(gap, position_in_result)
        position_in_result += len(gap)
        assert result.startswith(content, position_in_result)
        position_in_result += len(content)
        cursor = end
    assert result[position_in_result:] == text[cursor:]


def test_positions_follow_libcst_line_breaks() -> None:
    text = "a\r\nb\rc\nd\x0ce\n"
    index = LineIndex(text)
    assert index.offset(Position(2, 1)) == 3
    assert index.offset(Position(3, 1)) == 5
    assert index.offset(Position(4, 3)) == 9  # a form feed is not a line break
    assert index.offset(Position(5, 1)) == len(text)
    assert index.offset(Position(4, 9)) is None


# --------------------------------------------------------------------------- imports


def _merge(text: str, *requests: ImportRequest) -> str:
    return merge_imports(text, cst.parse_module(text), requests)


def test_existing_import_is_not_duplicated() -> None:
    text = "import pytest\n\nx = 1\n"
    assert _merge(text, ImportRequest("pytest")) == text
    guarded = "try:\n    import pytest\nexcept ImportError:\n    pytest = None\n"
    assert _merge(guarded, ImportRequest("pytest")) == guarded


def test_from_import_is_extended() -> None:
    text = "from unittest.mock import Mock, patch\n\nx = Mock\n"
    merged = _merge(text, ImportRequest("unittest.mock", "AsyncMock"), ImportRequest("unittest.mock", "AsyncMock"))
    assert merged == "from unittest.mock import AsyncMock, Mock, patch\n\nx = Mock\n"
    assert merged.count("AsyncMock") == 1


def test_new_import_goes_after_docstring_and_future() -> None:
    text = '"""Doc."""\nfrom __future__ import annotations\n\nimport os\n\n\ndef f():\n    pass\n'
    merged = _merge(text, ImportRequest("asyncio"))
    assert merged == (
        '"""Doc."""\nfrom __future__ import annotations\n\nimport asyncio\nimport os\n\n\ndef f():\n    pass\n'
    )


def test_star_import_satisfies_a_name() -> None:
    text = "from unittest.mock import *\n"
    assert _merge(text, ImportRequest("unittest.mock", "AsyncMock")) == text


def test_import_edits_for_json() -> None:
    text = "import time\n\nimport pytest\n\nx = 1\n"
    edits = import_edits(text, cst.parse_module(text), [ImportRequest("asyncio")])
    assert edits == (Edit(Span(Position(1, 1), Position(1, 1)), "import asyncio\n"),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # isort's order: ``import x`` lines of the standard library, alphabetically
        ("import os\nimport time\n\nimport pytest\n", "import asyncio\nimport os\nimport time\n\nimport pytest\n"),
        (
            "import time\nfrom os import path\n\nimport pytest\n",
            "import asyncio\nimport time\nfrom os import path\n\nimport pytest\n",
        ),
        ("import abc\nfrom os import path\n", "import abc\nimport asyncio\nfrom os import path\n"),
        ("import abc\n# the rest\nimport zlib\n", "import abc\n# the rest\nimport asyncio\nimport zlib\n"),
        # no standard-library group: libcst places it after the imports
        ("import pytest\n\nx = 1\n", "import pytest\nimport asyncio\n\nx = 1\n"),
    ],
)
def test_a_stdlib_import_joins_its_group(text: str, expected: str) -> None:
    assert _merge(text, ImportRequest("asyncio")) == expected


_IMPORTS = (
    "import os\n",
    "import pytest\n",
    "import a.b\n",
    "import x as y\n",
    "import os, sys\n",
    "import os; import sys\n",
    "from unittest.mock import Mock, patch\n",
    "from unittest.mock import *\n",
    "from unittest.mock import Mock as M\n",
    "from . import relative\n",
    "from m import (\n    a,\n    b,  # keep\n)\n",
    "from __future__ import annotations\n",
)
_GAPS = ("", "\n", "# a comment\n", "\n# a comment\n", "# a comment\n\n")
_STATEMENTS = ("x = 1\n", "if x:\n    from m import c\n", "async def test_x():\n    pass\n")
_FIRST = ("", '"""Doc."""\n', "__strict__ = True\n", "# header\n\n")
_REQUESTS = (
    ImportRequest("pytest"),
    ImportRequest("asyncio"),
    ImportRequest("pytest_asyncio"),
    ImportRequest("a"),
    ImportRequest("unittest.mock", "AsyncMock"),
    ImportRequest("unittest.mock", "Mock"),
    ImportRequest("m", "a"),
    ImportRequest("m", "d"),
)


@st.composite
def _modules(draw: st.DrawFn) -> str:
    """A docstring/flag/comment, an import block, a gap, statements and late imports."""
    parts = [draw(st.sampled_from(_FIRST))]
    for _ in range(draw(st.integers(0, 2))):
        parts += draw(st.lists(st.sampled_from(_IMPORTS), max_size=3))
        parts.append(draw(st.sampled_from(_GAPS)))
        parts += draw(st.lists(st.sampled_from(_STATEMENTS), max_size=2))
    return "".join(parts)


@hypothesis_settings(max_examples=400, derandomize=True, deadline=None)
@given(source=_modules(), requests=st.lists(st.sampled_from(_REQUESTS), min_size=1, max_size=4))
def test_import_merge_is_libcsts_add_imports_visitor(source: str, requests: list[ImportRequest]) -> None:
    """``_add_imports`` re-does the visitor's rules without its costly set-up: same output."""
    module = cst.parse_module(source)
    context = CodemodContext()
    for request in requests:
        AddImportsVisitor.add_needed_import(context, request.module, request.name)
    expected = AddImportsVisitor(context).transform_module(module).code
    assert _add_imports(module, requests).code == expected


def test_a_cr_only_file_keeps_its_last_line_break() -> None:
    """libcst's code generation drops the final CR of a CR-only file; the merge must not."""
    for text in ("async def test_x():\r    pass\r", "import time\r\rasync def test_x():\r    time.sleep(1)\r"):
        for request in (ImportRequest("pytest"), ImportRequest("asyncio")):
            merged = _merge(text, request)
            assert merged.endswith(text.split("\r", 1)[1]) and merged.endswith("\r")
            assert f"import {request.module}\r" in merged


# --------------------------------------------------------------------------- command line


BAD = """\
import asyncio
import time


async def save(item):
    return item


def test_loop():
    assert asyncio.run(save(1)) == 1


async def test_unmarked():
    save(2)
    time.sleep(0)
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = strict\n")
    (tmp_path / "test_a.py").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, ["--no-cache", *args], catch_exceptions=False)


def test_cli_marks_only_what_the_flags_would_fix(project: Path) -> None:
    safe_only = invoke("--output-format", "concise").stdout
    assert re.search(r"test_a.py:10:\d+: ASL401 (?!\[\*\])", safe_only)  # unsafe: not marked
    assert re.search(r"test_a.py:13:\d+: ASL101 \[\*\]", safe_only)
    with_unsafe = invoke("--output-format", "concise", "--unsafe-fixes").stdout
    assert re.search(r"test_a.py:10:\d+: ASL401 \[\*\]", with_unsafe)
    summary = invoke().stdout.strip().splitlines()[-1]
    assert "fixable with --fix" in summary and "1 more with --fix --unsafe-fixes" in summary


def test_cli_diff_prints_and_writes_nothing(project: Path) -> None:
    result = invoke("--diff")
    assert result.exit_code == 1
    assert (project / "test_a.py").read_text() == BAD
    assert result.stdout.startswith("--- a/test_a.py\n+++ b/test_a.py\n")
    assert "+@pytest.mark.asyncio\n" in result.stdout and "+    await save(2)\n" in result.stdout
    assert "asyncio.run" not in "".join(line for line in result.stdout.splitlines(True) if line.startswith("-def"))
    assert "Would fix 3 findings in 1 file" in result.stderr
    assert invoke("--diff", "--select", "ASL203").exit_code == 0  # nothing to fix: exit 0


def test_cli_fix_then_unsafe_fix(project: Path) -> None:
    result = invoke("--fix")
    assert result.exit_code == 1  # the unsafe ASL401 remains
    text = (project / "test_a.py").read_text()
    assert "@pytest.mark.asyncio\nasync def test_unmarked():\n    await save(2)\n    await asyncio.sleep(0)\n" in text
    assert "Fixed 3 findings; 1 remaining" in result.stdout
    result = invoke("--fix", "--unsafe-fixes")
    assert result.exit_code == 0, result.stdout
    assert "Fixed 1 finding; 0 remaining" in result.stdout
    assert "async def test_loop():\n    assert await save(1) == 1\n" in (project / "test_a.py").read_text()
    again = invoke("--fix", "--unsafe-fixes")
    assert again.exit_code == 0 and "Fixed 0 findings" in again.stdout


def test_cli_fix_with_json_keeps_stdout_json(project: Path) -> None:
    result = CliRunner().invoke(main, ["--no-cache", "--fix", "--output-format", "json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert [d["code"] for d in data] == ["ASL401"]
    assert "Fixed 3 findings" in result.stderr


def test_cli_json_fix_carries_its_import(project: Path) -> None:
    source = "import time\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_a():\n    time.sleep(1)\n"
    (project / "test_a.py").write_text(source)
    [finding] = json.loads(invoke("--output-format", "json").stdout)
    assert finding["code"] == "ASL301" and finding["fix"]["applicability"] == "safe"
    edits = finding["fix"]["edits"]
    assert edits == [
        {"line": 1, "column": 1, "end_line": 1, "end_column": 1, "content": "import asyncio\n"},
        {"line": 8, "column": 5, "end_line": 8, "end_column": 15, "content": "await asyncio.sleep"},
    ]


def test_import_edits_from_the_workers_match_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON report's import edits are computed in the lint workers, from the tree they
    parsed; they must be what merging the imports into the file on disk gives (the way the
    report computed them before, once per finding in the main process)."""
    monkeypatch.chdir(CORPUS)
    diagnostics = lint_paths(["."], jobs=2).diagnostics
    needing = [d for d in diagnostics if d.fix is not None and d.fix.imports]
    assert len(needing) > 20
    for d in needing:
        source = SourceText.from_bytes((CORPUS / d.path).read_bytes())
        assert source is not None
        try:
            expected = import_edits(source.text, cst.parse_module(source.text), d.fix.imports)
        except ImportMergeError:
            expected = None
        assert d.fix.import_edits == expected, (d.path, d.line, d.code)
    completed = {(d.path, d.line, d.column, d.code): d.fix for d in complete_fixes(diagnostics)}
    for d in needing:
        fix = completed[(d.path, d.line, d.column, d.code)]
        assert fix is not None and set(d.fix.import_edits) | set(d.fix.edits) == set(fix.edits)
        assert list(fix.edits) == sorted(fix.edits, key=lambda e: (e.span.start, e.span.end))


def test_inserted_lines_take_the_line_break_of_their_neighbour(tmp_path: Path) -> None:
    """A file that starts with CRLF and goes on with LF gets LF where the insertion is."""
    data = b"import pytest\r\n\n\nasync def test_x():\n    pass\n"
    path = write_project(tmp_path, "test_mixed_tail.py", data)
    fix_paths([str(path)], settings=EVERYTHING)
    assert path.read_bytes() == b"import pytest\r\n\n\n@pytest.mark.asyncio\nasync def test_x():\n    pass\n"
