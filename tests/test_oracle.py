"""Ground truth: real pytest + pytest-asyncio, run on the corpus, prove every rule's claim.

The corpus in ``fixtures_corpus/`` says what asynclint must report. This module proves, with
the real tools, that the positives really misbehave (a failure, an error, a vacuous pass, a
lost coroutine, a frozen event loop, a deprecation) and that the negatives really pass
cleanly. Each case copies a corpus file (into a fresh folder with its own ``pytest.ini``) or
a whole corpus project (with its own configuration) into ``tmp_path`` and runs pytest in a
subprocess. The cases are data beside the files they run: ``fixtures_corpus/<CODE>/oracle.toml``,
``fixes/<CODE>/oracle.toml`` and ``projects/oracle.toml`` (keys: fixtures_corpus/README.md), so
a new rule brings its oracle cases in its own corpus folder. They are counted per rule by
their path's folder or, for projects, by the marks in the project's files; a rule of the
registry without a positive case fails ``test_every_rule_has_an_oracle_case`` unless it is
listed in ``NOT_ORACLE_TESTABLE``. The ``test_fact_*`` tests prove where reality differs from the rule
catalog; ``test_asynclint_lints_what_pytest_collects`` checks discovery against
``pytest --collect-only``.

Slow-ish (one subprocess per case, about a second each): deselect with ``-m "not oracle"``.
The consistency checks between the cases and the corpus are not marked and always run.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import pytest
from corpus_grammar import (
    CORPUS,
    PROJECTS,
    expected_marks,
    file_name,
    fix_is_unsafe,
    header_settings,
    is_negative,
    marked_lines,
    oracle_files,
    pytest_options,
)

from asynclint.api import lint_text
from asynclint.config.pytest_config import load_profile
from asynclint.engine.discovery import discover
from asynclint.fixer.fixer import fix_text
from asynclint.fixer.source import SourceText
from asynclint.model import Diagnostic
from asynclint.rules import ALL_RULES, BY_CODE
from asynclint.rules.base import Rule

oracle = pytest.mark.oracle  # on every test that runs pytest in a subprocess

# Rules whose claim real pytest cannot show, and why (every other rule needs a positive case).
NOT_ORACLE_TESTABLE = {
    # A meta rule about asynclint's own suppression comments: a noqa code that suppresses
    # nothing has no run-time effect at all (pytest never reads noqa comments).
    "ASL001": "meta: an unused noqa comment changes nothing at run time",
}

NEVER_AWAITED = "was never awaited"
NOT_NATIVE = "async def functions are not natively supported"
NOT_AWAITABLE = "can't be used in 'await' expression"
NESTED_RUN = "cannot be called from a running event loop"
LOOP_RUNNING = "This event loop is already running"
UNHANDLED_ASYNC_FIXTURE = "requested an async fixture"

# pytest-asyncio >= 0.24 warns at configure time while the loop scope is unset; pytest >= 9.2
# applies `filterwarnings = error` there too, which would end the session before any test.
# DEFAULT_INI keeps pytest's and pytest-asyncio's defaults otherwise (strict mode, pytest's
# warning filters, so a PytestRemovedIn9Warning is an error under pytest 9.0).
DEFAULT_INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
ERROR_INI = DEFAULT_INI + "filterwarnings =\n    error\n"
# Every warning shown once and none an error (`filterwarnings = default` and `-W default`):
# the cases about lost coroutines read the "never awaited" warnings from the output, and
# pytest 9's error for an unhandled async fixture stays a warning there.
SHOWN_INI = DEFAULT_INI + "filterwarnings =\n    default\n"
SHOWN_ARGS = ("-W", "default")


def _pytest_version() -> tuple[int, int]:
    import _pytest

    major, minor = _pytest.__version__.split(".")[:2]
    return int(major), int(minor)


# What pytest says about a mark on a fixture: a warning (an error under 9.0's default filters),
# then from 9.1 a failure of its own.
MARKED_FIXTURE = (
    "Marks cannot be applied to fixtures" if _pytest_version() >= (9, 1) else "Marks applied to fixtures have no effect"
)
SUMMARY = re.compile(r"^(PASSED|FAILED|ERROR|XFAIL|XPASS|SKIPPED) (?:at (?:setup|call|teardown) of )?(\S+)")
WARNING_AT = re.compile(r"(\S+\.py):(\d+): RuntimeWarning: coroutine '[^']+' was never awaited")


@dataclass(frozen=True)
class Case:
    """One oracle run. Every collected test not listed in failed/errors/xfailed must pass.

    path:     corpus file or project folder, relative to fixtures_corpus.
    why:      the runtime effect this case demonstrates.
    failed:   tests (node-id suffixes, parameters ignored) that must fail in their call.
    errors:   tests that must error (setup/teardown).
    xfailed:  tests that must xfail.
    collect_errors: the run stops at collection; these node-id suffixes are the errors.
    expect:   substrings the output must contain; forbid: substrings it must not contain.
    await_lines: every "never awaited" warning pointing into the copied files must point at
              a line marked ASL201 or ASL202 (the linter and the interpreter agree).
    returncode: pytest's exit status when it is not implied (1 with failures or errors, else 0;
              2 for a collection error).
    warnings: "pytest" (pytest's own filters), "error" (``filterwarnings = error``) or "shown"
              (every warning shown once, none an error): see WARNINGS.
    args:     extra pytest arguments; extra_files: scaffolding written next to the copy.
    label:    tells apart two runs of the same path; min_python: skipped on older Pythons.
    """

    path: str
    why: str
    failed: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    xfailed: tuple[str, ...] = ()
    collect_errors: tuple[str, ...] = ()
    expect: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    await_lines: bool = False
    returncode: int | None = None
    warnings: str = "pytest"
    args: tuple[str, ...] = ()
    extra_files: tuple[tuple[str, str], ...] = ()
    label: str = ""
    min_python: tuple[int, int] = (3, 10)

    @property
    def id(self) -> str:
        return f"{self.path}[{self.label}]" if self.label else self.path


# What each ``warnings`` value of a case means: the copied file's pytest.ini, extra arguments.
WARNINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "pytest": (DEFAULT_INI, ()),
    "error": (ERROR_INI, ()),
    "shown": (SHOWN_INI, SHOWN_ARGS),
}
CASE_KEYS = {
    "file", "project", "why", "clean", "warnings", "failed", "errors", "xfailed", "collect_errors",
    "expect", "forbid", "await_lines", "returncode", "args", "extra_files", "label", "min_python",
}  # fmt: skip
FIXED_KEYS = {"file", "gone"}


@dataclass(frozen=True)
class FixedCase:
    """A positive whose fixed text must run clean: no failure, no error, and ``gone`` not in the output."""

    path: str
    gone: str


def _text(value: str) -> str:
    """A string of an oracle file; ``{marked_fixture}`` is what this pytest says about a marked fixture."""
    return value.replace("{marked_fixture}", MARKED_FIXTURE)


def _texts(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(_text(value) for value in entry.get(key, ()))


def _case(folder: str, entry: dict[str, Any]) -> Case:
    unknown = set(entry) - CASE_KEYS
    assert not unknown, f"{folder}/oracle.toml: unknown keys {sorted(unknown)}"
    clean = (NEVER_AWAITED, "Traceback") if entry.get("clean") else ()
    return Case(
        path=f"{folder}/{entry.get('file') or entry['project']}",
        why=entry["why"],
        failed=_texts(entry, "failed"),
        errors=_texts(entry, "errors"),
        xfailed=_texts(entry, "xfailed"),
        collect_errors=_texts(entry, "collect_errors"),
        expect=_texts(entry, "expect"),
        forbid=(*clean, *_texts(entry, "forbid")),
        await_lines=entry.get("await_lines", False),
        returncode=entry.get("returncode"),
        warnings=entry.get("warnings", "pytest"),
        args=_texts(entry, "args"),
        extra_files=tuple(entry.get("extra_files", {}).items()),
        label=entry.get("label", ""),
        min_python=tuple(entry.get("min_python", (3, 10))),
    )


def load_oracle_files() -> tuple[list[Case], list[FixedCase]]:
    """Every ``oracle.toml`` of the corpus: ``[[case]]`` runs and ``[[fixed]]`` fixed files."""
    cases: list[Case] = []
    fixed: list[FixedCase] = []
    for path in oracle_files():
        folder = path.parent.relative_to(CORPUS).as_posix()
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert set(data) <= {"case", "fixed"}, f"{path}: only [[case]] and [[fixed]] tables"
        cases += [_case(folder, entry) for entry in data.get("case", [])]
        for entry in data.get("fixed", []):
            assert set(entry) <= FIXED_KEYS, f"{path}: unknown keys {sorted(set(entry) - FIXED_KEYS)}"
            fixed.append(FixedCase(f"{folder}/{entry['file']}", _text(entry["gone"])))
    return sorted(cases, key=lambda case: case.id), sorted(fixed, key=lambda case: case.path)


CASES, FIXED_CASES = load_oracle_files()


# --- running ----------------------------------------------------------------------------


@dataclass
class Run:
    returncode: int
    output: str
    outcomes: dict[str, set[str]]  # by node id without parameter ids
    root: Path
    # by full node id: for cases naming parametrized items (``test_x[2]``) whose other
    # parameters pass (``pytest.param(..., marks=...)`` on some cases only)
    by_item: dict[str, set[str]] = field(default_factory=dict)


def prepare(case: Case, tmp_path: Path) -> tuple[Path, list[str]]:
    """Copy the case into tmp_path; return (target to run, extra pytest arguments)."""
    source = CORPUS / case.path
    ini, warning_args = WARNINGS[case.warnings]
    args = [*warning_args, *case.args]
    if source.is_dir():
        target = tmp_path / source.name
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        target = tmp_path / "case"
        target.mkdir()
        settings = header_settings(source.read_text(encoding="utf-8"))
        (target / "pytest.ini").write_text(ini)
        shutil.copyfile(source, target / file_name(source, settings))
        for key, value in pytest_options(settings).items():  # asyncio_mode=auto, anyio_mode=auto, ...
            args += ["-o", f"{key}={value}"]
    for name, text in case.extra_files:
        (target / name).write_text(text)
    return target, args


def run_pytest(target: Path, args: list[str], cwd: Path) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", *args, str(target)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    output = proc.stdout + proc.stderr
    outcomes: dict[str, set[str]] = {}
    by_item: dict[str, set[str]] = {}
    for line in output.splitlines():
        match = SUMMARY.match(line)
        if match:
            nodeid = re.sub(r"\[.*\]$", "", match.group(2))
            outcomes.setdefault(nodeid, set()).add(match.group(1).lower())
            by_item.setdefault(match.group(2), set()).add(match.group(1).lower())
    return Run(proc.returncode, output, outcomes, target, by_item)


def matches(nodeid: str, name: str) -> bool:
    return nodeid == name or nodeid.endswith("::" + name) or nodeid.endswith("/" + name)


def check(case: Case, run: Run) -> None:
    out = run.output
    assert run.outcomes, f"nothing ran:\n{out}"
    for text in case.expect:
        assert text in out, f"expected {text!r} in output:\n{out}"
    for text in case.forbid:
        assert text not in out, f"unexpected {text!r} in output:\n{out}"
    if case.collect_errors or case.returncode == 2:  # the file could not be imported
        assert run.returncode == 2, out
        for name in case.collect_errors:
            assert any(matches(n, name) for n in run.outcomes), f"{name}:\n{out}"
        assert all(seen == {"error"} for seen in run.outcomes.values()), out
        return
    expected = {"failed": case.failed, "error": case.errors, "xfail": case.xfailed}
    per_item = any("[" in name for names in expected.values() for name in names)
    outcomes = run.by_item if per_item else run.outcomes
    for names in expected.values():
        for name in names:
            assert any(matches(n, name) for n in outcomes), f"{name} did not run:\n{out}"
    for nodeid, seen in outcomes.items():
        wanted = next((k for k, names in expected.items() if any(matches(nodeid, n) for n in names)), None)
        if wanted is None:
            assert seen == {"passed"}, (nodeid, seen, out)
        elif wanted == "error":
            assert "error" in seen, (nodeid, seen, out)
        else:
            assert seen == {wanted}, (nodeid, seen, out)
    bad = case.failed or case.errors
    assert run.returncode == (case.returncode if case.returncode is not None else 1 if bad else 0), out
    if case.await_lines:
        check_await_lines(run)


def check_await_lines(run: Run) -> None:
    """Each 'never awaited' warning that points into the case must point at a marked line."""
    root = run.root
    marked = marked_lines(root, {"ASL201", "ASL202"})
    hits = 0
    for path, line in WARNING_AT.findall(run.output):
        try:
            rel = Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue  # pytest or stdlib frame: the coroutine outlived its line
        hits += 1
        assert int(line) in marked.get(rel, set()), (
            f"{rel}:{line} warns 'never awaited' but carries no ASL201/ASL202 mark\n{run.output}"
        )
    assert hits, f"no 'never awaited' warning pointed into the case:\n{run.output}"


@oracle
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_oracle(case: Case, tmp_path: Path) -> None:
    if sys.version_info < case.min_python:
        pytest.skip(f"needs Python {case.min_python}")
    target, args = prepare(case, tmp_path)
    check(case, run_pytest(target, args, cwd=tmp_path))


# --- consistency between the cases, the corpus and the registry (not slow: always run) -------


def proven_codes(case: Case) -> set[str]:
    """The rules whose positives a case runs: its corpus folder's code (``ASLnnn/``,
    ``fixes/ASLnnn/``) for a file that is not a negative, the marks in a project's files."""
    source = CORPUS / case.path
    if source.is_dir():
        return {code for path in source.rglob("*.py") for _, code in expected_marks(path)}
    if is_negative(source):
        return set()
    return {source.parent.name} & set(BY_CODE)


def test_cases_name_existing_corpus_paths() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "a case is listed twice"
    for case in CASES:
        assert (CORPUS / case.path).exists(), case.path


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_every_rule_has_an_oracle_case(rule: type[Rule]) -> None:
    """A rule of the registry is proven at run time by at least one positive case, or says
    in NOT_ORACLE_TESTABLE why it cannot be."""
    cases = [case.id for case in CASES if rule.code in proven_codes(case)]
    if rule.code in NOT_ORACLE_TESTABLE:
        assert not cases, f"{rule.code} has oracle cases {cases}: drop it from NOT_ORACLE_TESTABLE"
    else:
        assert cases, f"{rule.code} has no oracle case: add one to CASES (or say why in NOT_ORACLE_TESTABLE)"


def test_untestable_rules_are_rules() -> None:
    assert set(NOT_ORACLE_TESTABLE) <= set(BY_CODE)


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.path.startswith("ASL101/") and c.failed],
    ids=lambda c: c.id,
)
def test_asl101_failures_are_exactly_the_marked_tests(case: Case) -> None:
    """The tests that fail at run time are the ones whose `async def` line is marked."""
    path = CORPUS / case.path
    marked_lines_101 = {line for line, code in expected_marks(path) if code == "ASL101"}
    marked = {
        node.name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.AsyncFunctionDef) and node.lineno in marked_lines_101
    }
    failing = {name.split("::")[-1].partition("[")[0] for name in case.failed}
    assert failing == marked


# --- facts checked against the rule catalog (see the notes in each test) ---------------------


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


@oracle
def test_fact_asyncio_mark_added_in_collection_modifyitems_is_ignored(tmp_path: Path) -> None:
    """The rule catalog says a conftest adding marks in pytest_collection_modifyitems means "never
    ASL101". True for the anyio mark (projects/modifyitems_anyio_mark), false for the asyncio
    mark: pytest-asyncio decides at collection time, so the test still fails."""
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": SHOWN_INI,
            "conftest.py": (
                "import inspect\nimport pytest\n\n\n"
                "def pytest_collection_modifyitems(items):\n"
                "    for item in items:\n"
                "        if inspect.iscoroutinefunction(getattr(item, 'obj', None)):\n"
                "            item.add_marker(pytest.mark.asyncio)\n"
            ),
            "test_late_mark.py": "async def test_unmarked():\n    pass\n",
        },
    )
    run = run_pytest(root, list(SHOWN_ARGS), cwd=tmp_path)
    assert list(run.outcomes.values()) == [{"failed"}], run.output
    assert NOT_NATIVE in run.output


@oracle
def test_fact_requesting_anyio_backend_runs_an_unmarked_test(tmp_path: Path) -> None:
    """Not in the rule catalog: anyio's plugin runs any coroutine test that requests the
    `anyio_backend` fixture (argument or usefixtures), mark or no mark. ASL101 would be a
    false positive there."""
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": SHOWN_INI,
            "test_backend.py": (
                "import anyio\nimport pytest\n\n\n"
                "@pytest.fixture\ndef anyio_backend():\n    return 'asyncio'\n\n\n"
                "async def test_requests_backend(anyio_backend):\n    await anyio.sleep(0)\n\n\n"
                "@pytest.mark.usefixtures('anyio_backend')\n"
                "async def test_uses_backend():\n    await anyio.sleep(0)\n"
            ),
        },
    )
    run = run_pytest(root, list(SHOWN_ARGS), cwd=tmp_path)
    assert run.returncode == 0, run.output
    assert sorted(nodeid.split("::")[-1] for nodeid in run.outcomes) == [
        "test_requests_backend",
        "test_uses_backend",
    ], run.output


@oracle
@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12+ warns (DeprecationWarning)")
def test_fact_get_event_loop_alone_is_silent_before_312(tmp_path: Path) -> None:
    """Python 3.10/3.11: asyncio.get_event_loop() in a sync test with no loop set silently
    creates one (no DeprecationWarning); the corpus file only fails after an asyncio test."""
    target, args = prepare(Case("ASL401/test_get_event_loop.py", "", warnings="shown"), tmp_path)
    if sys.version_info >= (3, 12):
        pytest.skip("Python 3.12+ warns: the fact is about 3.10/3.11")
    run = run_pytest(target, [*args, "-k", "borrows"], cwd=tmp_path)
    assert run.returncode == 0, run.output
    assert "There is no current event loop" not in run.output, run.output


@oracle
def test_fact_called_assert_passes_although_never_awaited(tmp_path: Path) -> None:
    """ASL502's premise: assert_called_once() passes when the coroutine was never awaited,
    while assert_awaited_once() catches it."""
    root = write_tree(
        tmp_path,
        {
            "pytest.ini": SHOWN_INI,
            "test_fact.py": (
                "import pytest\n"
                "from unittest.mock import AsyncMock\n\n"
                "@pytest.mark.asyncio\n"
                "async def test_called():\n"
                "    notify = AsyncMock()\n"
                "    notify('x')\n"
                "    notify.assert_called_once()\n\n"
                "@pytest.mark.asyncio\n"
                "async def test_awaited():\n"
                "    notify = AsyncMock()\n"
                "    notify('x')\n"
                "    notify.assert_awaited_once()\n"
            ),
        },
    )
    run = run_pytest(root / "test_fact.py", list(SHOWN_ARGS), cwd=root)
    assert "PASSED test_fact.py::test_called" in run.output, run.output
    assert "FAILED test_fact.py::test_awaited" in run.output, run.output


@oracle
@pytest.mark.skipif(_pytest_version() < (9, 0), reason="pytest 9 behaviour")
def test_fact_mark_on_fixture_is_an_error_in_pytest_9_0(tmp_path: Path) -> None:
    """The rule catalog (ASL108): "an error in pytest >= 9.1". Reality: pytest 9.0 already fails the
    module at import, because MARKED_FIXTURE is a PytestRemovedIn9Warning and pytest 9.0 turns
    that category into an error by default; a `filterwarnings` entry can still silence it.
    From 9.1 it is a failure of its own, whatever the filters say."""
    files = {
        "pytest.ini": DEFAULT_INI,
        "test_marked_fixture.py": (
            "import pytest\n\n\n@pytest.mark.usefixtures('tmp_path')\n@pytest.fixture\n"
            "def value():\n    return 1\n\n\ndef test_value(value):\n    assert value == 1\n"
        ),
    }
    run = run_pytest(write_tree(tmp_path / "p", files), [], cwd=tmp_path)
    assert run.returncode == 2, run.output
    assert MARKED_FIXTURE in run.output
    files["pytest.ini"] = DEFAULT_INI + "filterwarnings =\n    ignore::pytest.PytestRemovedIn9Warning\n"
    run = run_pytest(write_tree(tmp_path / "q", files), [], cwd=tmp_path)
    if _pytest_version() >= (9, 1):
        # The category is gone in 9.1: the filter itself is a usage error, nothing silences it.
        assert run.returncode == 4 and "has no attribute 'PytestRemovedIn9Warning'" in run.output, run.output
    else:
        assert run.returncode == 0, run.output


@oracle
def test_fact_unhandled_async_fixture_errors_for_asyncio_tests_too(tmp_path: Path) -> None:
    """The rule catalog (ASL102) says pytest-asyncio "ignores" a plain async fixture in strict mode;
    ASL109 says sync requesters get a coroutine (pytest >= 9 errors). Reality with pytest 9:
    every requester errors at setup, including `@pytest.mark.asyncio` coroutine tests."""
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": DEFAULT_INI,
            "test_plain.py": (
                "import pytest\n\n\n@pytest.fixture\nasync def value():\n    return 1\n\n\n"
                "@pytest.mark.asyncio\nasync def test_async(value):\n    assert value == 1\n"
            ),
        },
    )
    run = run_pytest(root, [], cwd=root)
    assert run.outcomes == {"test_plain.py::test_async": {"error"}}, run.output
    assert UNHANDLED_ASYNC_FIXTURE in run.output


@oracle
def test_fact_unmarked_async_generator_test_fails_instead_of_xfail(tmp_path: Path) -> None:
    """The rule catalog (ASL105): "pytest-asyncio xfails it". Only when pytest-asyncio handles the
    test (a mark, or auto mode); an unmarked one in strict mode fails as "not natively
    supported" (ASL101 reports that too). Either way the body never runs."""
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": DEFAULT_INI,
            "test_gen.py": "async def test_gen():\n    yield 1\n",
        },
    )
    run = run_pytest(root, [], cwd=root)
    assert run.outcomes == {"test_gen.py::test_gen": {"failed"}}, run.output
    assert NOT_NATIVE in run.output


@oracle
def test_fact_sync_test_with_class_mark_also_warns(tmp_path: Path) -> None:
    """The rule catalog (ASL103) flags only an explicit mark on the function. pytest-asyncio warns for
    any sync test whose closest `asyncio` mark comes from its class or module too; asynclint
    follows the catalog (those marks are meant for the coroutine tests next to it)."""
    target, args = prepare(Case("ASL103/test_ok_class_mark_reaches_sync_test.py", ""), tmp_path)
    run = run_pytest(target, args, cwd=tmp_path)
    assert run.returncode == 0
    assert "TestMixed::test_sync" in run.output and "not an async function" in run.output


@oracle
def test_fact_event_loop_policy_override_reaches_sync_tests(tmp_path: Path) -> None:
    """ASL405: `event_loop_policy` is an autouse session fixture, so the deprecation fires in
    the first test's setup whatever the test is; under `filterwarnings = error` even a
    session of plain sync tests errors."""
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": ERROR_INI,
            "conftest.py": (
                "import asyncio\nimport pytest\n\n\n@pytest.fixture(scope='session')\n"
                "def event_loop_policy():\n    return asyncio.get_event_loop_policy()\n"
            ),
            "test_sync.py": "def test_sync():\n    assert True\n",
        },
    )
    run = run_pytest(root, [], cwd=root)
    assert run.outcomes == {"test_sync.py::test_sync": {"error"}}, run.output


# --- fixes: the fixed file runs clean under real pytest -------------------------------------


@oracle
@pytest.mark.parametrize("case", FIXED_CASES, ids=lambda case: case.path)
def test_fix_makes_the_file_run_clean(case: FixedCase, tmp_path: Path) -> None:
    source = CORPUS / case.path

    def lint(text: str) -> list[Diagnostic]:
        return lint_text(text, str(source), profile=load_profile(source), root=CORPUS)

    code = source.parent.name
    data = SourceText.from_bytes(source.read_bytes())
    assert data is not None
    fixed = fix_text(data, lint, unsafe=fix_is_unsafe(BY_CODE[code]), filename=str(source))
    assert fixed.applied[code] >= 1 and not [d for d in fixed.diagnostics if d.code == code]
    target = tmp_path / "case"
    target.mkdir()
    (target / "pytest.ini").write_text(DEFAULT_INI)
    (target / source.name).write_text(fixed.text)
    run = run_pytest(target, [], cwd=tmp_path)
    assert run.returncode == 0 and all(seen == {"passed"} for seen in run.outcomes.values()), run.output
    assert case.gone not in run.output, run.output


# --- discovery: asynclint lints exactly the test files pytest collects --------------------------
#
# Each ``fixtures_corpus/projects/collect_*`` project is copied into ``tmp_path`` and collected
# by the installed pytest; the test files it collects must be exactly the test files asynclint
# lints there. The one intended difference is listed in ``ONLY_PYTEST``: asynclint skips a file
# a conftest ignores on *some* supported Python (3.9 here), while pytest, running on one
# interpreter, collects it there.

COLLECTION_PROJECTS = sorted(p.name for p in PROJECTS.glob("collect_*") if p.is_dir())
NODE = re.compile(r"^(?P<file>[^\s:]+\.py)::")
# Ignored by the conftest only when sys.version_info < (3, 10); requires-python >= 3.9.
ONLY_PYTEST = {"collect_conftest_ignore": {"tests/test_needs_310.py"}} if sys.version_info >= (3, 10) else {}


def pytest_collected(project: Path) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {m.group("file") for line in proc.stdout.splitlines() if (m := NODE.match(line))}


@oracle
@pytest.mark.parametrize("name", COLLECTION_PROJECTS)
def test_asynclint_lints_what_pytest_collects(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / name
    shutil.copytree(PROJECTS / name, project, ignore=shutil.ignore_patterns("__pycache__"))
    collected = pytest_collected(project)
    monkeypatch.chdir(project)
    linted = {f.display for f in discover(["."]) if Path(f.display).name != "conftest.py"}
    assert collected, "pytest collected nothing: the project no longer tests anything"
    assert linted == collected - ONLY_PYTEST.get(name, set())
