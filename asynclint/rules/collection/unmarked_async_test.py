"""ASL101 unmarked-async-test: an async test that no plugin runs."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import LINE_BEFORE, Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.fixes import marks_reference
from asynclint.semantics import plugins, tables
from asynclint.semantics.ancestry import class_ancestry
from asynclint.semantics.collection import keeps_test_coroutine
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import ClassScope, FunctionScope
from asynclint.semantics.fixtures import marks_from_fixture_params, resolve_fixture
from asynclint.semantics.libraries import preferred_runner
from asynclint.semantics.pytest_items import (
    class_has_init,
    class_marks,
    collected_test,
    decorator_marks,
    is_unittest_class,
    module_marks,
    requested_fixtures,
    shared_usefixtures,
)


def other_runner_reason(ctx: FileContext) -> str | None:
    """Why unmarked coroutine tests of this file may run anyway (None: nothing runs them)."""
    profile = ctx.profile
    if profile.asyncio_mode == "auto" and profile.asyncio_plugin_enabled:
        return "asyncio_mode = auto"
    if profile.anyio_auto:
        return "anyio_mode = auto"
    if profile.trio_auto:
        return "trio_mode = true"
    return ctx.runner_context.other_runner


def requests_anyio_backend(ctx: FileContext, function: FunctionScope) -> bool:
    assert function.node is not None
    if "anyio_backend" in function.params or ctx.runner_context.anyio_backend_autouse:
        return True
    return any("anyio_backend" in ctx.code(d) for d in function.node.decorators)


class UnmarkedAsyncTest(Rule):
    """
    ## What it does
    Flags an `async def test_*` that no plugin will run: pytest-asyncio is in
    strict mode (its default) and neither the function, its class (decorator,
    `pytestmark`, or a base class) nor its module (`pytestmark`) carries an
    `asyncio`, `anyio` or `trio` mark.

    ## Why is this bad?
    pytest cannot run a coroutine by itself. Such a test was skipped with a
    warning up to pytest 8.3 ("async def functions are not natively
    supported") — a green run that tested nothing — and fails from pytest 8.4.

    ## Example
    ```python
    async def test_ping():
        assert True
    ```

    ## Use instead
    ```python
    import pytest


    @pytest.mark.asyncio
    async def test_ping():
        assert True
    ```

    ## Fix safety
    Safe: `@pytest.mark.asyncio` is added above the test's other decorators,
    and `import pytest` when missing. In a project that runs its coroutine
    tests with anyio's plugin (`anyio` marks or an `anyio_backend` fixture and
    no pytest-asyncio in sight) the mark is `@pytest.mark.anyio` instead: such
    projects often do not install pytest-asyncio, whose mark would be unknown.

    ## pytest-asyncio versions
    Strict mode is the default since 0.19. In auto mode (`asyncio_mode = auto`)
    this rule does not apply; neither does it when anyio/trio run the tests
    (`anyio_mode = auto`, `trio_mode = true`), when a conftest hook
    (`pytest_pyfunc_call`) or a framework plugin runs coroutine tests, or when
    a decorator asynclint cannot see through wraps the test.

    ## References
    - pytest-asyncio docs: "Modes" (strict and auto).
    - pytest docs: "async tests are not natively supported".
    """

    code = "ASL101"
    name = "unmarked-async-test"
    summary = "an async test that no plugin runs"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    triggers = (b"async",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        candidates = [f for f in ctx.model.functions if f.is_async]
        if not candidates or ctx.is_conftest or other_runner_reason(ctx) is not None:
            return
        if not ctx.profile.is_test_file(ctx.path):
            return  # pytest collects tests only from python_files modules
        file_marks = module_marks(ctx.resolver)
        for function in candidates:
            item = collected_test(function, ctx.resolver, ctx.profile)
            if item is None or ctx.resolver.is_fixture_function(function):
                continue
            assert function.node is not None  # every collected function has its def
            marks = file_marks | decorator_marks(function.node, function.parent, ctx.resolver)
            if item.cls is not None:
                ancestry = class_ancestry(item.cls, ctx.resolver)
                if ancestry is None or is_unittest_class(ancestry):
                    continue
                if class_has_init(item.cls, ctx.resolver):
                    continue
                marks = marks | class_marks(item.cls, ctx.resolver)
            if not marks.understood or marks.names & tables.RUNNER_MARKS:
                continue
            if requests_anyio_backend(ctx, function) or not keeps_test_coroutine(ctx, function):
                continue
            requested = self._requested_names(ctx, function, item.cls)
            if marks_from_fixture_params(ctx, requested, function):
                continue
            if any(
                n in plugins.RUNNER_PLUGIN_FIXTURES and resolve_fixture(ctx, n, function) is None for n in requested
            ):
                continue  # a framework plugin's fixture: that plugin runs the test
            runner = preferred_runner(ctx)
            partly = sorted(marks.some_cases & tables.RUNNER_MARKS)
            if partly:
                # ``pytest.param(..., marks=pytest.mark.asyncio)`` on some cases: the others never run
                given = ", ".join(f"`{m}`" for m in partly)
                message = (
                    f"the cases of `async def {function.name}` that `pytest.param(..., marks=...)` does not mark "
                    f"{given} never run: no plugin runs an unmarked coroutine test"
                )
                fix = self._fix(ctx, function, runner) if runner is not None and set(partly) <= {runner} else None
                if fix is not None and runner == "asyncio" and not ctx.profile.asyncio_plugin_enabled:
                    fix = None
                message += f"; mark the test `@pytest.mark.{runner}`" if fix is not None else ""
                yield self.finding(function.node.name, message, fix)
                continue
            if runner in ("anyio", "trio"):
                why = f"the project runs its coroutine tests with {runner}, which runs only tests marked `{runner}`"
            elif ctx.profile.asyncio_plugin_enabled:
                why = "pytest-asyncio is in strict mode and the test has no `asyncio` mark"
            else:
                why = "pytest-asyncio is disabled (`-p no:asyncio`) and no anyio/trio mark runs it"
            if runner is None or (runner == "asyncio" and not ctx.profile.asyncio_plugin_enabled):
                message = f"`async def {function.name}` never runs: {why}; add the mark of the plugin that runs it"
                yield self.finding(function.node.name, message)
                continue
            message = f"`async def {function.name}` never runs: {why}; add `@pytest.mark.{runner}`"
            yield self.finding(function.node.name, message, self._fix(ctx, function, runner))

    @staticmethod
    def _requested_names(ctx: FileContext, function: FunctionScope, cls: ClassScope | None) -> list[str]:
        """Fixtures the test requests: parameters, its ``usefixtures`` and its class's or module's."""
        names = [r.name for r in requested_fixtures(function, ctx.resolver) or ()]
        for _, holder, request in shared_usefixtures(ctx.resolver, ctx.profile):
            if holder is None or holder is cls:
                names.append(request.name)
        return names

    def _fix(self, ctx: FileContext, function: FunctionScope, mark: str) -> FixPlan | None:
        assert function.node is not None
        marks_name, imports = marks_reference(ctx, needed_by=function.node)
        if not marks_name:
            return None
        anchor = function.node.decorators[0] if function.node.decorators else function.node
        return FixPlan(
            Applicability.SAFE,
            f"Add `@pytest.mark.{mark}`",
            (NodeEdit(anchor, f"@{marks_name}.{mark}", LINE_BEFORE),),
            imports,
        )
