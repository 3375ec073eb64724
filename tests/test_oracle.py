"""Ground truth: run corpus files under real pytest + pytest-asyncio and check what happens.

The corpus in ``fixtures_corpus/`` says what asynclint must report. This module proves, with
the real tools, that the positives really misbehave (a failure, a vacuous pass, a lost
coroutine, a frozen event loop) and that the negatives really pass cleanly. Each case copies a
corpus file (into a fresh directory with a strict-mode ``pytest.ini``) or a whole corpus
project (with its own configuration) into ``tmp_path`` and runs pytest in a subprocess.

Slow-ish (one subprocess per case, about a second each): deselect with ``-m "not oracle"``.
"""

from __future__ import annotations

import ast
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

NEVER_AWAITED = "was never awaited"
NOT_NATIVE = "async def functions are not natively supported"
NOT_AWAITABLE = "can't be used in 'await' expression"
NESTED_RUN = "cannot be called from a running event loop"
LOOP_RUNNING = "This event loop is already running"

STRICT_INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\nfilterwarnings =\n    default\n"
HEADER = re.compile(r"#\s*asynclint-test:\s*(.+)")
MARK = re.compile(r"#\s*error:\s*([A-Z0-9, ]+)$")
SUMMARY = re.compile(r"^(PASSED|FAILED|ERROR|XFAIL|XPASS) (?:at (?:setup|call|teardown) of )?(\S+)")
WARNING_AT = re.compile(r"(\S+\.py):(\d+): RuntimeWarning: coroutine '[^']+' was never awaited")


@dataclass(frozen=True)
class Case:
    """One oracle run.

    path:     corpus file or project folder, relative to fixtures_corpus.
    why:      the runtime effect this case demonstrates.
    failed:   tests (node-id suffixes, parameters ignored) that must fail in their call.
    errors:   tests that must error (setup/teardown).
    Every other collected test must pass.
    expect:   substrings the output must contain; forbid: substrings it must not contain.
    await_lines: every "never awaited" warning pointing into the copied files must point at
              a line marked ASL201 or ASL202 (the linter and the interpreter agree).
    args:     extra pytest arguments; extra_files: scaffolding written next to the copy.
    """

    path: str
    why: str
    failed: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    expect: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    await_lines: bool = False
    args: tuple[str, ...] = ()
    extra_files: tuple[tuple[str, str], ...] = ()
    returncode: int | None = None


def negative(path: str, why: str = "the negative runs cleanly", **kw) -> Case:
    return Case(path, why, forbid=(NEVER_AWAITED, "Traceback"), returncode=0, **kw)


CASES: list[Case] = [
    # --- ASL000 syntax-error -----------------------------------------------------------
    Case(
        "ASL000/test_unclosed_bracket.py",
        "pytest cannot import the file",
        returncode=2,
        expect=("SyntaxError", "was never closed"),
    ),
    Case(
        "ASL000/test_error_after_valid_code.py",
        "pytest cannot import the file",
        returncode=2,
        expect=("SyntaxError", "expected ':'"),
    ),
    Case(
        "ASL000/test_unexpected_indent.py", "pytest cannot import the file", returncode=2, expect=("IndentationError",)
    ),
    negative("ASL000/test_ok_modern_syntax.py"),
    negative("ASL000/test_ok_line_continuations.py"),
    # --- ASL101 unmarked-async-test ----------------------------------------------------
    Case(
        "ASL101/test_unmarked_module_functions.py",
        "unmarked async tests fail (pytest >= 8.4)",
        failed=("test_fetch_returns_one", "test_fetch_twice", "test_after_marked_neighbour"),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "ASL101/test_unmarked_in_class.py",
        "class marks do not leak to other classes",
        failed=("TestUnmarked::test_method", "TestOtherClass::test_not_covered"),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "ASL101/test_only_unrelated_marks.py",
        "non-async marks do not make a runner",
        failed=("test_parametrized", "test_stacked_marks", "test_skipif_false"),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "ASL101/test_module_pytestmark_list_without_asyncio.py",
        "a list without asyncio",
        failed=("test_listed_marks_do_not_include_asyncio", "TestInClass::test_method"),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "ASL101/test_misspelled_mark.py",
        "a misspelled mark is just an unknown mark",
        failed=("test_typo_in_mark_name", "test_trailing_underscore"),
        expect=(NOT_NATIVE, "Unknown pytest.mark.asycnio"),
    ),
    Case(
        "ASL101/test_async_wrapper_decorator.py",
        "an async wrapper keeps it a coroutine test",
        failed=("test_wrapped",),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "ASL101/test_mock_patch_decorator.py",
        "mock.patch keeps it a coroutine test",
        failed=("test_patched_environment", "test_patched_function"),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "ASL101/test_unmarked_with_async_fixture.py",
        "an async fixture does not mark the test",
        failed=("test_uses_async_fixture",),
        expect=(NOT_NATIVE,),
    ),
    negative("ASL101/test_ok_function_marks.py"),
    negative("ASL101/test_ok_class_marks.py", "class decorator, class pytestmark, base class"),
    negative("ASL101/test_ok_module_pytestmark_list.py"),
    negative("ASL101/test_ok_module_pytestmark_single.py"),
    negative("ASL101/test_ok_pytestmark_extended.py", "marks added by extend/+= reach the tests"),
    negative("ASL101/test_ok_pytestmark_appended.py", "a conditional append reaches the tests"),
    negative("ASL101/test_ok_aliased_pytest.py"),
    negative("ASL101/test_ok_anyio_mark.py", "anyio runs its marked tests"),
    negative("ASL101/test_ok_anyio_module_mark.py"),
    negative("ASL101/test_ok_asyncio_auto_mode.py", "auto mode (from the file header)"),
    negative("ASL101/test_ok_anyio_auto_mode.py", "anyio_mode = auto (from the file header)"),
    negative("ASL101/test_ok_harness_decorator.py", "a plain-def harness runs the coroutine"),
    negative("ASL101/test_ok_isolated_async_testcase.py", "unittest runs these"),
    negative(
        "ASL101/test_ok_not_collected.py",
        "pytest does not collect these",
        expect=("cannot collect test class 'TestWithInit'",),
    ),
    # Not runnable here: test_ok_trio_mark.py / test_ok_trio_mode.py (pytest-trio is not
    # installed), test_ok_unknown_decorator.py (imports a module that does not exist).
    # --- ASL201 unawaited-coroutine ----------------------------------------------------
    Case(
        "ASL201/test_sync_test_calls_coroutine.py",
        "the coroutine never runs; test passes",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case(
        "ASL201/test_async_test_missing_await.py",
        "missing await: silently skipped work",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case("ASL201/test_method_calls.py", "self./cls. coroutine methods", expect=(NEVER_AWAITED,), await_lines=True),
    Case(
        "ASL201/test_nested_coroutine_function.py",
        "nested coroutine functions",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case(
        "ASL201/test_library_coroutines.py",
        "asyncio's coroutine functions",
        expect=(
            NEVER_AWAITED,
            "coroutine 'sleep'",
            "coroutine 'wait_for'",
            "coroutine 'to_thread'",
            "coroutine 'open_connection'",
        ),
        await_lines=True,
    ),
    Case(
        "ASL201/test_library_aliases.py",
        "aliases of library coroutine functions",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case(
        "ASL201/test_gather_discarded.py",
        "a discarded gather: the test passes before the checks run, the failure is lost",
        expect=("_GatheringFuture exception was never retrieved",),
    ),
    Case(
        "ASL201/test_async_mock_instance.py",
        "calling an AsyncMock returns a coroutine",
        expect=(NEVER_AWAITED, "AsyncMockMixin._execute_mock_call"),
        await_lines=True,
    ),
    Case(
        "ASL201/test_inside_pytest_raises.py",
        "nothing is raised: DID NOT RAISE",
        failed=("test_raises_in_sync_test", "test_raises_in_async_test"),
        expect=(NEVER_AWAITED, "DID NOT RAISE"),
        await_lines=True,
    ),
    Case(
        "ASL201/test_fixtures_and_helpers.py",
        "fixtures and helpers lose their work",
        expect=(NEVER_AWAITED, "coroutine 'seed'", "coroutine 'truncate'"),
        await_lines=True,
    ),
    Case(
        "ASL201/test_conftest_fixture.py",
        "a conftest fixture loses its work",
        expect=(NEVER_AWAITED, "coroutine 'start_server'", "coroutine 'stop_server'"),
        await_lines=True,
        extra_files=(("test_uses_server.py", "def test_server(server):\n    assert server == 'server'\n"),),
    ),
    negative("ASL201/test_ok_awaited.py"),
    negative("ASL201/test_ok_async_generators.py", "async generators do not warn"),
    negative("ASL201/test_ok_sync_callables.py"),
    negative("ASL201/test_ok_shadowing.py"),
    negative("ASL201/test_ok_references.py", "a closed coroutine does not warn"),
    negative("ASL201/test_ok_unresolvable.py"),
    negative("ASL201/test_harness_wrapper_runs_the_loop.py", "the harness runs the helper to completion"),
    # --- ASL202 coroutine-used-as-value ------------------------------------------------
    Case(
        "ASL202/test_operators_and_builtins.py",
        "operands and builtins get a coroutine, not a value",
        expect=(NEVER_AWAITED,),
        await_lines=True,
        returncode=0,
    ),
    Case(
        "ASL202/test_assert_coroutine.py",
        "assert coroutine passes vacuously (the lie); not/comparisons are always wrong",
        failed=("test_negation", "test_comparisons", "test_comparison_spanning_lines"),
        expect=(NEVER_AWAITED, "assert not <coroutine object"),
        await_lines=True,
    ),
    Case(
        "ASL202/test_control_flow.py",
        "if/while take the branch; for raises",
        failed=("test_for_statement",),
        expect=(NEVER_AWAITED, "'coroutine' object is not iterable"),
        await_lines=True,
    ),
    Case(
        "ASL202/test_subscript_and_attribute.py",
        "subscripts and attributes raise",
        failed=("test_subscript", "test_attribute", "test_method_on_result"),
        expect=("'coroutine' object is not subscriptable", "'coroutine' object has no attribute 'status'"),
        await_lines=True,
    ),
    Case(
        "ASL202/test_fstring.py", "the f-string renders the coroutine object", expect=(NEVER_AWAITED,), await_lines=True
    ),
    Case(
        "ASL202/test_in_async_tests.py",
        "missing awaits in async tests pass vacuously",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case(
        "ASL202/test_two_findings_on_one_line.py",
        "two lost coroutines on one line",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    negative("ASL202/test_ok_awaited_values.py"),
    negative("ASL202/test_ok_assigned_passed_returned.py"),
    negative("ASL202/test_ok_async_generator_values.py"),
    negative("ASL202/test_ok_sync_values.py"),
    negative("ASL202/test_ok_coroutine_protocol.py", "__await__ delegation, driving by hand"),
    # --- ASL301 blocking-sleep ---------------------------------------------------------
    # A latent bug, not a failure: the tests pass while the event loop is frozen. The file
    # asserts the freeze itself (a background ticker does not tick during time.sleep); its
    # negative counterpart asserts the ticker keeps ticking during asyncio.sleep.
    Case("ASL301/test_time_sleep_blocks_the_loop.py", "passes, but the loop was frozen", returncode=0),
    Case("ASL301/test_import_forms.py", "passes: blocking is silent", returncode=0),
    Case("ASL301/test_fixture_helper_method.py", "passes: blocking is silent", returncode=0),
    Case("ASL301/test_nested_async_def.py", "passes: blocking is silent", returncode=0),
    Case(
        "ASL301/test_unmarked_async_test_sleeps.py",
        "the unmarked test fails (ASL101)",
        failed=("test_blocking_sleep_in_unmarked_test",),
        expect=(NOT_NATIVE,),
    ),
    negative("ASL301/test_ok_asyncio_sleep_lets_others_run.py", "the loop stays responsive"),
    negative("ASL301/test_ok_sync_sleep.py"),
    negative("ASL301/test_ok_nested_sync_def.py"),
    negative("ASL301/test_ok_offloaded_and_other_sleeps.py"),
    # --- ASL401 manual-event-loop ------------------------------------------------------
    Case(
        "ASL401/test_get_event_loop.py",
        "order-dependent: after a pytest-asyncio test there is no current loop",
        failed=("test_borrows_the_current_loop",),
        expect=("There is no current event loop",),
    ),
    # These work, by hand: the rule is about fragile, duplicated loop management.
    Case("ASL401/test_new_event_loop.py", "passes: a hand-made loop", returncode=0),
    Case("ASL401/test_unclosed_and_unrestored.py", "passes: loops left open and installed", returncode=0),
    Case("ASL401/test_asyncio_run.py", "passes: a hand-made loop per call", returncode=0),
    Case("ASL401/test_run_forever.py", "passes: a hand-made loop", returncode=0),
    Case("ASL401/test_fixture_and_helper.py", "passes: a hand-made loop", returncode=0),
    negative("ASL401/test_ok_decorator_harness.py", "the harness runs the tests"),
    negative("ASL401/test_ok_module_level.py"),
    negative("ASL401/test_ok_thread_target.py", "a second loop in a worker thread works"),
    negative("ASL401/test_ok_async_tests.py"),
    negative("ASL401/test_ok_other_run_methods.py"),
    negative("ASL401/test_ok_loop_factory.py", "anyio runs the tests in the factories' loops"),
    # --- ASL402 nested-event-loop-run --------------------------------------------------
    Case(
        "ASL402/test_asyncio_run_in_coroutine.py",
        "asyncio.run inside a running loop",
        failed=("test_asyncio_run_inside_running_loop", "test_imported_run"),
        expect=(NESTED_RUN,),
    ),
    Case(
        "ASL402/test_run_until_complete_in_coroutine.py",
        "the loop is already running",
        failed=("test_run_until_complete_on_running_loop", "test_chained_call"),
        expect=(LOOP_RUNNING,),
    ),
    Case(
        "ASL402/test_run_forever_in_coroutine.py",
        "the loop is already running",
        failed=("test_run_forever_on_running_loop",),
        expect=(LOOP_RUNNING,),
    ),
    Case(
        "ASL402/test_fixture_helper_nested.py",
        "helpers, fixtures, nested coroutines",
        failed=("test_helper", "test_nested_coroutine"),
        errors=("test_fixture",),
        expect=(NESTED_RUN,),
    ),
    negative("ASL402/test_ok_awaits_instead.py"),
    negative("ASL402/test_ok_custom_run_methods.py"),
    # --- ASL501 sync-mock-for-async ----------------------------------------------------
    Case(
        "ASL501/test_patch_object_with_mock.py",
        "awaiting what a sync Mock returns",
        failed=("test_positional_new", "test_keyword_new", "test_keyword_new_spanning_lines", "test_decorator_form"),
        expect=(NOT_AWAITABLE,),
    ),
    Case(
        "ASL501/test_new_callable.py",
        "Mock/MagicMock classes and NonCallableMock",
        failed=("test_new_callable_mock_class", "test_new_callable_magic_mock_class", "test_non_callable_mock"),
        expect=(NOT_AWAITABLE, "'NonCallableMock' object is not callable"),
    ),
    Case(
        "ASL501/test_mocker_and_monkeypatch.py",
        "mocker and monkeypatch",
        failed=("test_mocker_patch_object", "test_mocker_patch_object_keyword", "test_monkeypatch_setattr"),
        expect=(NOT_AWAITABLE,),
    ),
    Case(
        "ASL501/test_attribute_assignment.py",
        "plain attribute assignment",
        failed=("test_assigned_mock",),
        expect=(NOT_AWAITABLE,),
    ),
    Case(
        "ASL501/test_module_aliases.py",
        "unittest.mock reached through aliases",
        failed=("test_mock_module_attribute", "test_dotted_module_alias"),
        expect=(NOT_AWAITABLE, "object MagicMock can't be used in 'await' expression"),
    ),
    Case(
        "ASL501/test_inherited_async_method.py",
        "an async method found through a base",
        failed=("test_method_found_through_base_class",),
        expect=(NOT_AWAITABLE,),
    ),
    Case(
        "ASL501/test_module_level_instance.py",
        "a module-level instance of an in-file class",
        failed=("test_patch_module_level_instance",),
        expect=(NOT_AWAITABLE,),
    ),
    negative("ASL501/test_ok_async_mock.py", "AsyncMock, and patch without new"),
    negative("ASL501/test_ok_spec_makes_it_awaitable.py", "spec/spec_set/autospec"),
    negative("ASL501/test_ok_sync_targets.py", "sync targets, MagicMock as async iterator"),
    negative("ASL501/test_ok_unknown_targets.py"),
    negative("ASL501/test_ok_configured_awaitable.py", "return_value/side_effect made awaitable"),
    # --- projects (run as a whole, with their own configuration) -----------------------
    Case(
        "projects/basic_import",
        "imports, re-exports, conftest, helpers, string patches",
        failed=(
            "test_patch_with_mock",
            "test_patch_with_positional_magic_mock",
            "test_mocker_patch",
            "test_patch_new_callable",
        ),
        expect=(NEVER_AWAITED, NOT_AWAITABLE, "coroutine 'seed'"),
        await_lines=True,
    ),
    Case(
        "projects/relative_import",
        "relative imports inside a tests package",
        expect=(NEVER_AWAITED, "coroutine 'prepare'"),
        await_lines=True,
    ),
    Case(
        "projects/src_layout",
        "src layout through pythonpath = src",
        failed=("test_patch_by_string_target", "test_patch_object_on_imported_class"),
        expect=(NEVER_AWAITED, NOT_AWAITABLE),
        await_lines=True,
    ),
    Case(
        "projects/auto_mode",
        "asyncio_mode = auto: unmarked tests run",
        expect=(NEVER_AWAITED,),
        forbid=(NOT_NATIVE,),
        await_lines=True,
    ),
    negative("projects/addopts_auto_beats_ini", "--asyncio-mode=auto in addopts wins"),
    Case(
        "projects/addopts_strict_beats_ini",
        "--asyncio-mode=strict in addopts wins",
        failed=("test_unmarked_is_not_run",),
        expect=(NOT_NATIVE,),
    ),
    negative("projects/pyfunc_call_hook", "a conftest pytest_pyfunc_call runs coroutines"),
    Case(
        "projects/readme_demo",
        "the README's five pitfalls misbehave as it says",
        failed=("test_fetch", "test_notification_is_mocked"),
        expect=(NOT_NATIVE, NEVER_AWAITED, NOT_AWAITABLE),
        await_lines=True,
    ),
    Case(
        "projects/annotated_subclass_override",
        "a subclass passed in overrides the method",
        failed=("test_plain",),
        expect=(NEVER_AWAITED,),
    ),
    Case(
        "projects/fixture_param_marks",
        "marks in fixture params reach the requesting tests",
        failed=("test_plain_params_do_not_mark",),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "projects/twin_fetch_async",
        "fetch is async here",
        failed=("test_patched",),
        expect=(NEVER_AWAITED, NOT_AWAITABLE),
        await_lines=True,
    ),
    negative("projects/twin_fetch_sync", "the same tests pass: fetch is sync here"),
    Case(
        "projects/custom_python_functions",
        "python_functions/classes/files from tox.ini",
        failed=("check_unmarked", "CheckGroup::check_method"),
        expect=(NOT_NATIVE, NEVER_AWAITED),
        await_lines=True,
    ),
    Case(
        "projects/anyio_without_pytest_asyncio",
        "-p no:asyncio: only anyio marks run",
        failed=("test_unmarked",),
        expect=(NOT_NATIVE,),
    ),
    Case(
        "projects/decorator_from_project",
        "project decorators: harness vs async wrapper",
        failed=("test_traced_but_unmarked",),
        expect=(NOT_NATIVE,),
    ),
    negative("projects/modifyitems_anyio_mark", "anyio honours marks added after collection"),
    Case(
        "projects/modifyitems_asyncio_mark",
        "an asyncio mark added after collection is too late",
        failed=("test_never_runs",),
        expect=(NOT_NATIVE,),
    ),
    negative("ASL101/test_ok_anyio_backend_requested.py", "anyio runs tests requesting anyio_backend"),
    # --- issue 3: instances, factories, fixtures, patch mocks -------------------------------
    Case(
        "projects/instances_fixtures_and_mocks",
        "every marked call on an instance/fixture/mock never runs",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case(
        "projects/factories_and_spec_mocks",
        "inherited factories, handed-on fixtures, spec mocks",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case(
        "projects/import_forms_across_packages",
        "re-exports, star imports, attribute chains, decorators",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    Case(
        "projects/context_managers_and_properties",
        "async with, @asynccontextmanager, properties, annotated returns, rebound functions",
        expect=(NEVER_AWAITED,),
        await_lines=True,
    ),
    # --- ASL203 / ASL204 / ASL502 --------------------------------------------------------------
    # The warning points where the coroutine is collected, not where it was stored.
    Case(
        "ASL203/test_stored_never_awaited.py",
        "a stored coroutine never runs; the tests pass",
        expect=(NEVER_AWAITED,),
        returncode=0,
    ),
    negative("ASL203/test_ok_passed_on.py"),
    # A dropped task is a latent bug, not a failure: the tests pass (see the rule's docs).
    Case("ASL204/test_dropped_tasks.py", "dropped tasks: no visible failure", returncode=0),
    negative("ASL204/test_ok_kept_tasks.py"),
    # assert_called* passes on AsyncMocks: that is the lie (see test_fact_called_assert_...).
    Case("ASL502/test_called_asserts.py", "assert_called* passes on async mocks", returncode=0),
    negative("ASL502/test_ok_awaited_asserts.py"),
    negative("ASL502/test_ok_counter_reset.py", "resetting call_count is no assertion"),
    negative("ASL502/test_ok_unittest_never_called.py", "a zero call count is stricter than its twin"),
    negative("ASL402/test_ok_expected_error.py", "the test asserts the RuntimeError itself"),
    Case(
        "ASL502/test_assigned_and_child_mocks.py",
        "assert_called* passes on assigned, spec_set and child AsyncMocks never awaited",
        returncode=0,
    ),
    Case("ASL204/test_loop_holders.py", "a task dropped through self.loop: no visible failure", returncode=0),
    # --- runner evidence and loops the harness owns ------------------------------------------
    negative("projects/loop_owned_by_harness", "fixture- and harness-owned loops, loop-API tests pass"),
]


# --- running ----------------------------------------------------------------------------


@dataclass
class Run:
    returncode: int
    output: str
    outcomes: dict[str, set[str]]
    root: Path


def header_settings(source: str) -> dict[str, str]:
    settings: dict[str, str] = {}
    for line in source.splitlines()[:3]:
        match = HEADER.match(line.strip())
        if match:
            for item in match.group(1).split(","):
                key, _, value = item.strip().partition("=")
                settings[key.strip()] = value.strip()
    return settings


def prepare(case: Case, tmp_path: Path) -> tuple[Path, list[str]]:
    """Copy the case into tmp_path; return (target to run, extra pytest arguments)."""
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
        (target / "pytest.ini").write_text(STRICT_INI)
        shutil.copyfile(source, target / name)
        for key, value in settings.items():  # asyncio_mode=auto, anyio_mode=auto, ...
            args += ["-o", f"{key}={value}"]
    for name, text in case.extra_files:
        (target / name).write_text(text)
    return target, args


def run_pytest(target: Path, args: list[str], cwd: Path) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "default", "-rA", *args, str(target)],
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
    return Run(proc.returncode, output, outcomes, target)


def matches(nodeid: str, name: str) -> bool:
    return nodeid == name or nodeid.endswith("::" + name)


def marked_lines(root: Path, codes: set[str]) -> dict[str, set[int]]:
    """{relative posix path: {line numbers carrying one of `codes` in an error mark}}."""
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    found: dict[str, set[int]] = {}
    for path in files:
        for lineno, line in enumerate(path.read_text().splitlines(), start=1):
            match = MARK.search(line)
            if match and codes & {c.strip() for c in match.group(1).split(",")}:
                rel = path.relative_to(root if root.is_dir() else root.parent).as_posix()
                found.setdefault(rel, set()).add(lineno)
    return found


def check(case: Case, run: Run) -> None:
    out = run.output
    assert run.outcomes, f"nothing ran:\n{out}"
    if case.returncode == 2:  # a collection error: the file could not be imported
        assert run.returncode == 2, out
        assert all(seen == {"error"} for seen in run.outcomes.values()), out
        for text in case.expect:
            assert text in out, f"expected {text!r} in output:\n{out}"
        return
    if case.returncode is not None:
        assert run.returncode == case.returncode, out
    elif case.failed or case.errors:
        assert run.returncode == 1, out
    for text in case.expect:
        assert text in out, f"expected {text!r} in output:\n{out}"
    for text in case.forbid:
        assert text not in out, f"unexpected {text!r} in output:\n{out}"
    for name in (*case.failed, *case.errors):
        assert any(matches(n, name) for n in run.outcomes), f"{name} did not run:\n{out}"
    for nodeid, seen in run.outcomes.items():
        if any(matches(nodeid, name) for name in case.failed):
            assert seen == {"failed"}, (nodeid, seen, out)
        elif any(matches(nodeid, name) for name in case.errors):
            assert "error" in seen, (nodeid, seen, out)
        else:
            assert seen == {"passed"}, (nodeid, seen, out)
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


@pytest.mark.parametrize("case", CASES, ids=[c.path for c in CASES])
def test_oracle(case: Case, tmp_path: Path) -> None:
    target, args = prepare(case, tmp_path)
    check(case, run_pytest(target, args, cwd=tmp_path))


# --- consistency between the oracle table and the corpus marks -----------------------------


def test_cases_name_existing_corpus_paths() -> None:
    paths = [c.path for c in CASES]
    assert len(paths) == len(set(paths)), "a corpus path is listed twice"
    for path in paths:
        assert (CORPUS / path).exists(), path


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.path.startswith("ASL101/") and c.failed],
    ids=lambda c: c.path,
)
def test_asl101_failures_are_exactly_the_marked_tests(case: Case) -> None:
    """The tests that fail at run time are the ones whose `async def` line is marked."""
    source = (CORPUS / case.path).read_text()
    lines = source.splitlines()
    marked = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.AsyncFunctionDef):
            match = MARK.search(lines[node.lineno - 1])
            if match and "ASL101" in match.group(1):
                marked.add(node.name)
    failing = {name.split("::")[-1] for name in case.failed}
    assert failing == marked


def test_negatives_carry_no_marks() -> None:
    for path in CORPUS.rglob("test_ok_*.py"):
        assert not MARK.search(path.read_text()), path


# --- facts checked against RULES.md / DESIGN.md (see the notes in each test) -----------------


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_fact_asyncio_mark_added_in_collection_modifyitems_is_ignored(tmp_path: Path) -> None:
    """RULES.md says a conftest adding marks in pytest_collection_modifyitems means "never
    ASL101". True for the anyio mark (projects/modifyitems_anyio_mark), false for the asyncio
    mark: pytest-asyncio decides at collection time, so the test still fails."""
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": STRICT_INI,
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
    run = run_pytest(root, [], cwd=tmp_path)
    assert list(run.outcomes.values()) == [{"failed"}], run.output
    assert NOT_NATIVE in run.output


def test_fact_requesting_anyio_backend_runs_an_unmarked_test(tmp_path: Path) -> None:
    """Not in RULES.md: anyio's plugin runs any coroutine test that requests the
    `anyio_backend` fixture (argument or usefixtures), mark or no mark. ASL101 would be a
    false positive there."""
    root = write_tree(
        tmp_path / "p",
        {
            "pytest.ini": STRICT_INI,
            "test_backend.py": (
                "import anyio\nimport pytest\n\n\n"
                "@pytest.fixture\ndef anyio_backend():\n    return 'asyncio'\n\n\n"
                "async def test_requests_backend(anyio_backend):\n    await anyio.sleep(0)\n\n\n"
                "@pytest.mark.usefixtures('anyio_backend')\n"
                "async def test_uses_backend():\n    await anyio.sleep(0)\n"
            ),
        },
    )
    run = run_pytest(root, [], cwd=tmp_path)
    assert run.returncode == 0, run.output
    assert sorted(nodeid.split("::")[-1] for nodeid in run.outcomes) == [
        "test_requests_backend",
        "test_uses_backend",
    ], run.output


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12+ warns (DeprecationWarning)")
def test_fact_get_event_loop_alone_is_silent_before_312(tmp_path: Path) -> None:
    """Python 3.10/3.11: asyncio.get_event_loop() in a sync test with no loop set silently
    creates one (no DeprecationWarning); the corpus file only fails after an asyncio test."""
    target, args = prepare(Case("ASL401/test_get_event_loop.py", ""), tmp_path)
    if sys.version_info >= (3, 12):
        pytest.skip("Python 3.12+ warns: the fact is about 3.10/3.11")
    run = run_pytest(target, [*args, "-k", "borrows"], cwd=tmp_path)
    assert run.returncode == 0, run.output
    assert "There is no current event loop" not in run.output, run.output


def test_fact_called_assert_passes_although_never_awaited(tmp_path: Path) -> None:
    """ASL502's premise: assert_called_once() passes when the coroutine was never awaited,
    while assert_awaited_once() catches it."""
    root = write_tree(
        tmp_path,
        {
            "pytest.ini": STRICT_INI,
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
    run = run_pytest(root / "test_fact.py", [], cwd=root)
    assert "PASSED test_fact.py::test_called" in run.output, run.output
    assert "FAILED test_fact.py::test_awaited" in run.output, run.output
