"""Ground truth for the pytest-asyncio catalog (ASL102-ASL109, ASL302, ASL403-ASL405).

Same approach as ``test_oracle.py``: each case copies a corpus file (next to a ``pytest.ini``
holding only ``[pytest]``, i.e. pytest's and pytest-asyncio's defaults: strict mode and the
default warning filters) or a whole corpus project into ``tmp_path``, runs the real pytest
+ pytest-asyncio in a subprocess and checks the run-time effect the rule claims. Where a rule
has no run-time effect today (ASL404 inside a coroutine), the case shows that too, and the
rule's documentation says so.

Variants with ``filterwarnings = error`` show what the rules' messages say about it. The
``test_fact_*`` tests prove where reality differs from ``RULES.md``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.oracle

CORPUS = Path(__file__).resolve().parent.parent / "fixtures_corpus"

# pytest-asyncio >= 0.24 warns at configure time while the loop scope is unset; pytest >= 9.2
# applies `filterwarnings = error` there too, which would end the session before any test.
DEFAULT_INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
ERROR_INI = DEFAULT_INI + "filterwarnings =\n    error\n"
NOT_NATIVE = "async def functions are not natively supported"
UNHANDLED_ASYNC_FIXTURE = "requested an async fixture"
NEVER_AWAITED = "was never awaited"


def _pytest_version() -> tuple[int, int]:
    import _pytest

    major, minor = _pytest.__version__.split(".")[:2]
    return int(major), int(minor)


# What pytest says about a mark on a fixture: a warning (an error under 9.0's default filters),
# then from 9.1 a failure of its own.
MARKED_FIXTURE = (
    "Marks cannot be applied to fixtures" if _pytest_version() >= (9, 1) else "Marks applied to fixtures have no effect"
)
HEADER = re.compile(r"#\s*asynclint-test:\s*(.+)")
SUMMARY = re.compile(r"^(PASSED|FAILED|ERROR|XFAIL|XPASS|SKIPPED) (?:at (?:setup|call|teardown) of )?(\S+)")


@dataclass(frozen=True)
class Case:
    """One run. Every collected test not listed in failed/errors/xfailed must pass.

    collect_errors: the run stops at collection; these node-id suffixes are the errors.
    """

    path: str
    why: str
    failed: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    xfailed: tuple[str, ...] = ()
    collect_errors: tuple[str, ...] = ()
    expect: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    ini: str = DEFAULT_INI
    args: tuple[str, ...] = ()
    extra_files: tuple[tuple[str, str], ...] = ()
    label: str = ""
    min_python: tuple[int, int] = (3, 10)

    @property
    def id(self) -> str:
        return f"{self.path}[{self.label}]" if self.label else self.path


def negative(path: str, why: str = "the negative runs cleanly", **kw) -> Case:
    forbid = kw.pop("forbid", ())
    return Case(path, why, forbid=(NEVER_AWAITED, "Traceback", *forbid), **kw)


CASES: list[Case] = [
    # --- ASL102 async-fixture-sync-decorator --------------------------------------------
    Case(
        "ASL102/test_plain_fixture_decorator.py",
        "strict mode ignores plain async fixtures: pytest 9 errors even for asyncio tests",
        errors=("test_connection", "test_dataset", "test_imported_by_name", "TestWithMethodFixture::test_resource"),
        expect=(UNHANDLED_ASYNC_FIXTURE,),
    ),
    negative("ASL102/test_ok_pytest_asyncio_fixture.py"),
    negative("ASL102/test_ok_auto_mode.py", "auto mode runs plain async fixtures, for sync tests too"),
    negative("ASL102/test_ok_anyio_fixtures.py", "anyio runs plain async fixtures of its tests"),
    # --- ASL103 asyncio-mark-on-sync-test -----------------------------------------------
    Case(
        "ASL103/test_asyncio_mark_on_sync_tests.py",
        "the mark does nothing but warn",
        expect=("is marked with '@pytest.mark.asyncio' but it is not an async function",),
    ),
    Case(
        "ASL103/test_asyncio_mark_on_sync_tests.py",
        "filterwarnings = error: the tests fail",
        ini=ERROR_INI,
        label="filterwarnings-error",
        failed=("test_sync_function", "test_sync_parametrized", "test_aliased_pytest", "TestSyncMethods::test_method"),
        expect=("is marked with '@pytest.mark.asyncio' but it is not an async function",),
    ),
    negative("ASL103/test_ok_marks_on_coroutines.py", forbid=("not an async function",)),
    # Not reported on purpose (RULES.md: explicit marks only), though pytest-asyncio warns:
    negative(
        "ASL103/test_ok_class_mark_reaches_sync_test.py",
        "a class mark reaching a sync test only warns",
        expect=("is marked with '@pytest.mark.asyncio' but it is not an async function",),
    ),
    # --- ASL104 async-test-in-testcase --------------------------------------------------
    Case(
        "ASL104/test_async_methods_in_testcase.py",
        "unittest drops the coroutine: tests that call self.fail() pass",
        expect=(NEVER_AWAITED, "It is deprecated to return a value that is not None"),
    ),
    negative("ASL104/test_ok_async_capable_testcases.py", min_python=(3, 11)),  # asyncio.Runner
    # --- ASL110 async-setup-method ------------------------------------------------------
    Case(
        "ASL110/test_async_hooks.py",
        "unittest and pytest drop the hooks' coroutines: tests pass without their set-up",
        expect=(
            NEVER_AWAITED,
            "coroutine 'TestPlain.setUp' was never awaited",
            "coroutine 'setup_module' was never awaited",
        ),
    ),
    # --- ASL105 async-generator-test ----------------------------------------------------
    Case(
        "ASL105/test_async_generator_tests.py",
        "xfail(run=False): the body never runs",
        xfailed=("test_yields_a_value", "TestStreaming::test_yield_in_loop", "test_bare_yield"),
        expect=("Tests based on asynchronous generators are not supported",),
    ),
    negative("ASL105/test_ok_async_generators_elsewhere.py"),
    negative("ASL105/test_ok_fixture_named_like_a_test.py", "a fixture named test_* is no test"),
    # --- ASL106 ineffective-pytestmark --------------------------------------------------
    Case(
        "ASL106/test_module_tuple_pytestmark.py",
        "a tuple fails the module's collection",
        collect_errors=("test_module_tuple_pytestmark.py",),
        expect=("instead of Mark",),
    ),
    Case(
        "ASL106/test_class_tuple_pytestmark.py",
        "a tuple fails the class's collection",
        collect_errors=("TestTupleMarks", "TestBareTuple"),
        expect=("instead of Mark",),
    ),
    Case(
        "ASL106/test_conftest_pytestmark.py",
        "conftest pytestmark marks nothing",
        failed=("test_unmarked",),
        expect=(NOT_NATIVE,),
        extra_files=(
            ("test_below_conftest.py", "import asyncio\n\n\nasync def test_unmarked():\n    await asyncio.sleep(0)\n"),
        ),
    ),
    negative("ASL106/test_ok_pytestmark_forms.py"),
    # --- ASL107 deprecated-mark-argument ------------------------------------------------
    Case(
        "ASL107/test_scope_keyword.py",
        "scope= works but is deprecated",
        expect=('The "scope" keyword argument to the asyncio marker has been deprecated',),
    ),
    Case(
        "ASL107/test_scope_keyword.py",
        "filterwarnings = error: collection fails",
        ini=ERROR_INI,
        label="filterwarnings-error",
        collect_errors=("test_scope_keyword.py",),
        expect=('The "scope" keyword argument to the asyncio marker has been deprecated',),
    ),
    Case(
        "ASL107/test_both_scope_keywords.py",
        "both keywords: collection error",
        collect_errors=("test_both_scope_keywords.py",),
        expect=('defines both "scope" and "loop_scope"',),
    ),
    Case(
        "ASL107/test_positional_argument.py",
        "positional argument: collection error",
        collect_errors=("test_positional_argument.py",),
        expect=("mark.asyncio accepts only keyword arguments",),
    ),
    Case(
        "ASL107/test_unknown_keyword.py",
        "unknown keyword: collection error",
        collect_errors=("test_unknown_keyword.py",),
        expect=("mark.asyncio accepts only keyword arguments",),
    ),
    negative("ASL107/test_ok_loop_scope.py", forbid=("deprecated",)),
    # --- ASL108 mark-on-fixture ---------------------------------------------------------
    Case(
        "ASL108/test_marks_on_fixtures.py",
        "pytest >= 9.0 refuses to import the module",
        collect_errors=("test_marks_on_fixtures.py",),
        expect=(MARKED_FIXTURE,),
    ),
    negative("ASL108/test_ok_marks_on_tests.py"),
    # --- ASL109 sync-test-uses-async-fixture --------------------------------------------
    Case(
        "ASL109/test_sync_requests_async_fixture.py",
        "pytest 9: unhandled async fixture errors",
        errors=("test_token", "test_session", "test_uses_session", "TestInClass::test_method"),
        expect=(UNHANDLED_ASYNC_FIXTURE,),
    ),
    negative("ASL109/test_ok_sync_requests.py", "pytest-asyncio fixtures serve sync tests too"),
    negative("ASL109/test_ok_auto_mode.py", "auto mode serves sync tests too"),
    # --- ASL302 blocking-call -----------------------------------------------------------
    # Latent bugs: the tests pass while asserting the loop was frozen / the in-process server
    # could not answer. ASL302/test_httpx_sync_client.py needs httpx (not installed here).
    Case("ASL302/test_blocking_process_calls.py", "passes, but the loop was frozen"),
    Case("ASL302/test_blocking_network_calls.py", "the blocked server never answers"),
    negative("ASL302/test_ok_offloaded_and_async.py"),
    negative("ASL302/test_ok_fixture_parameter_named_requests.py"),
    # --- ASL403 event-loop-fixture ------------------------------------------------------
    Case(
        "ASL403/test_requests_removed_event_loop.py",
        "1.0 removed the fixture",
        errors=("test_async_request", "test_sync_request", "test_usefixtures", "TestInClass::test_method"),
        failed=("test_getfixturevalue",),
        expect=("fixture 'event_loop' not found",),
    ),
    Case(
        "ASL403/test_usefixtures_on_class_and_module.py",
        "1.0 removed the fixture",
        errors=("TestDecorated::test_one", "TestPytestmark::test_two"),
        expect=("fixture 'event_loop' not found",),
    ),
    Case("ASL403/test_redefined_event_loop.py", "own event_loop: not the loop tests run in"),
    negative("ASL403/test_ok_running_loop.py"),
    # --- ASL404 get-event-loop-in-coroutine ---------------------------------------------
    Case(
        "ASL404/test_get_event_loop_in_coroutines.py",
        "no run-time effect inside a coroutine: same loop, no warning (see the rule's docs)",
        forbid=("DeprecationWarning",),
    ),
    negative("ASL404/test_ok_running_loop_and_policies.py"),
    # --- ASL405 event-loop-policy-fixture -----------------------------------------------
    Case(
        "ASL405/test_event_loop_policy_override.py",
        "1.4+ deprecates the override",
        expect=('Overriding the "event_loop_policy" fixture is deprecated',),
    ),
    Case(
        "ASL405/test_event_loop_policy_override.py",
        "filterwarnings = error: tests error",
        ini=ERROR_INI,
        label="filterwarnings-error",
        errors=("test_runs",),
        expect=('Overriding the "event_loop_policy" fixture is deprecated',),
    ),
    negative(
        "ASL405/test_ok_loop_factories.py",
        "the loop-factories hook does not warn",
        forbid=("deprecated",),
        extra_files=(
            ("test_with_factories.py", "import pytest\n\n\n@pytest.mark.asyncio\nasync def test_runs():\n    pass\n"),
        ),
    ),
    # --- projects -----------------------------------------------------------------------
    Case(
        "projects/fixture_resolution_conftest_chain",
        "conftest chain, overrides, pytest_plugins",
        errors=(
            "tests/test_top.py::test_db",
            "tests/test_top.py::test_queue",
            "tests/test_top.py::test_session",
            "tests/sub/test_sub.py::test_session_still_async",
        ),
        expect=(UNHANDLED_ASYNC_FIXTURE,),
    ),
    Case(
        "projects/conftest_pytestmark_ignored",
        "conftest pytestmark has no effect",
        failed=("test_conftest_mark_does_not_reach_me",),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "projects/marks_inherited_across_modules",
        "marks and TestCase inherited across modules",
        failed=("TestNoMarkAnywhere::test_unmarked",),
        expect=(NOT_NATIVE, NEVER_AWAITED),
    ),
    Case("projects/conftest_event_loop_fixture", "a conftest event_loop is an ordinary fixture"),
    # Not runnable here: projects/versions_* describe other pytest-asyncio releases
    # (tests/test_versions.py checks how their versions are found and what the rules say).
]


# --- running ----------------------------------------------------------------------------


@dataclass
class Run:
    returncode: int
    output: str
    outcomes: dict[str, set[str]]


def header_settings(source: str) -> dict[str, str]:
    settings: dict[str, str] = {}
    for line in source.splitlines()[:3]:
        match = HEADER.match(line.strip())
        if match:
            for item in match.group(1).split():
                key, _, value = item.partition("=")
                settings[key.strip()] = value.strip()
    return settings


def prepare(case: Case, tmp_path: Path) -> tuple[Path, list[str]]:
    source = CORPUS / case.path
    args = list(case.args)
    if source.is_dir():
        target = tmp_path / source.name
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        target = tmp_path / "case"
        target.mkdir()
        settings = header_settings(source.read_text())
        name = settings.pop("filename", source.name)
        (target / "pytest.ini").write_text(case.ini)
        shutil.copyfile(source, target / name)
        for key, value in settings.items():
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
    for line in output.splitlines():
        match = SUMMARY.match(line)
        if match:
            nodeid = re.sub(r"\[.*\]$", "", match.group(2))
            outcomes.setdefault(nodeid, set()).add(match.group(1).lower())
    return Run(proc.returncode, output, outcomes)


def matches(nodeid: str, name: str) -> bool:
    return nodeid == name or nodeid.endswith("::" + name) or nodeid.endswith("/" + name)


def check(case: Case, run: Run) -> None:
    out = run.output
    assert run.outcomes, f"nothing ran:\n{out}"
    for text in case.expect:
        assert text in out, f"expected {text!r} in output:\n{out}"
    for text in case.forbid:
        assert text not in out, f"unexpected {text!r} in output:\n{out}"
    if case.collect_errors:
        assert run.returncode == 2, out
        for name in case.collect_errors:
            assert any(matches(n, name) or n == name for n in run.outcomes), f"{name}:\n{out}"
        assert all(seen == {"error"} for seen in run.outcomes.values()), out
        return
    expected = {"failed": case.failed, "error": case.errors, "xfail": case.xfailed}
    for names in expected.values():
        for name in names:
            assert any(matches(n, name) for n in run.outcomes), f"{name} did not run:\n{out}"
    for nodeid, seen in run.outcomes.items():
        wanted = next((k for k, names in expected.items() if any(matches(nodeid, n) for n in names)), None)
        if wanted is None:
            assert seen == {"passed"}, (nodeid, seen, out)
        elif wanted == "error":
            assert "error" in seen, (nodeid, seen, out)
        else:
            assert seen == {wanted}, (nodeid, seen, out)
    bad = case.failed or case.errors
    assert run.returncode == (1 if bad else 0), out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_oracle(case: Case, tmp_path: Path) -> None:
    if sys.version_info < case.min_python:
        pytest.skip(f"needs Python {case.min_python}")
    target, args = prepare(case, tmp_path)
    check(case, run_pytest(target, args, cwd=tmp_path))


def test_cases_name_existing_corpus_paths() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "a case is listed twice"
    for case in CASES:
        assert (CORPUS / case.path).exists(), case.path


def test_every_catalog_rule_has_a_case() -> None:
    codes = {
        "ASL102",
        "ASL103",
        "ASL104",
        "ASL105",
        "ASL106",
        "ASL107",
        "ASL108",
        "ASL109",
        "ASL302",
        "ASL403",
        "ASL404",
        "ASL405",
    }
    covered = {c.path.split("/")[0] for c in CASES}
    assert codes <= covered


# --- facts checked against RULES.md (see the docstrings) ----------------------------------


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


@pytest.mark.skipif(_pytest_version() < (9, 0), reason="pytest 9 behaviour")
def test_fact_mark_on_fixture_is_an_error_in_pytest_9_0(tmp_path: Path) -> None:
    """RULES.md (ASL108): "an error in pytest >= 9.1". Reality: pytest 9.0 already fails the
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


def test_fact_unhandled_async_fixture_errors_for_asyncio_tests_too(tmp_path: Path) -> None:
    """RULES.md (ASL102) says pytest-asyncio "ignores" a plain async fixture in strict mode;
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


def test_fact_unmarked_async_generator_test_fails_instead_of_xfail(tmp_path: Path) -> None:
    """RULES.md (ASL105): "pytest-asyncio xfails it". Only when pytest-asyncio handles the
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


def test_fact_sync_test_with_class_mark_also_warns(tmp_path: Path) -> None:
    """RULES.md (ASL103) flags only an explicit mark on the function. pytest-asyncio warns for
    any sync test whose closest `asyncio` mark comes from its class or module too; asynclint
    follows RULES.md (those marks are meant for the coroutine tests next to it)."""
    target, args = prepare(Case("ASL103/test_ok_class_mark_reaches_sync_test.py", ""), tmp_path)
    run = run_pytest(target, args, cwd=tmp_path)
    assert run.returncode == 0
    assert "TestMixed::test_sync" in run.output and "not an async function" in run.output


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

FIXED_CASES = [
    ("ASL102/test_plain_fixture_decorator.py", UNHANDLED_ASYNC_FIXTURE),
    ("ASL103/test_asyncio_mark_on_sync_tests.py", "not an async function"),
    ("ASL106/test_module_tuple_pytestmark.py", "instead of Mark"),
    ("ASL106/test_class_tuple_pytestmark.py", "instead of Mark"),
    ("ASL107/test_scope_keyword.py", "deprecated"),
    ("ASL108/test_marks_on_fixtures.py", "Marks "),
    ("ASL404/test_get_event_loop_in_coroutines.py", "Traceback"),
    # unsafe: the coroutines that requested the removed fixture use the running loop
    ("fixes/ASL403/test_event_loop_requests.py", "fixture 'event_loop' not found"),
]


@pytest.mark.parametrize(("path", "gone"), FIXED_CASES, ids=[p for p, _ in FIXED_CASES])
def test_fix_makes_the_file_run_clean(path: str, gone: str, tmp_path: Path) -> None:
    from asynclint.api import lint_text
    from asynclint.config.pytest_config import load_profile
    from asynclint.fixer.fixer import fix_text
    from asynclint.fixer.source import SourceText

    source = CORPUS / path

    def lint(text: str):
        return lint_text(text, str(source), profile=load_profile(source), root=CORPUS)

    unsafe = path.startswith("fixes/")  # a golden pair of an unsafe fix
    fixed = fix_text(SourceText.from_bytes(source.read_bytes()), lint, unsafe=unsafe, filename=str(source))
    code = source.parent.name
    assert fixed.applied[code] >= 1 and not [d for d in fixed.diagnostics if d.code == code]
    target = tmp_path / "case"
    target.mkdir()
    (target / "pytest.ini").write_text(DEFAULT_INI)
    (target / source.name).write_text(fixed.text)
    run = run_pytest(target, [], cwd=tmp_path)
    assert run.returncode == 0 and all(seen == {"passed"} for seen in run.outcomes.values()), run.output
    assert gone not in run.output, run.output
