"""The collection family: async tests and fixtures that pytest will not run as written."""

from __future__ import annotations

from typing import Iterator

from asynclint.model import Applicability
from asynclint.rules.base import LINE_BEFORE, FileContext, Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.helpers import module_reference
from asynclint.semantics import tables
from asynclint.semantics.filemodel import FunctionScope
from asynclint.semantics.pytest_items import (
    class_ancestry,
    class_has_init,
    class_marks,
    collected_test,
    decorator_marks,
    is_fixture,
    is_unittest_class,
    mark_name,
    module_marks,
)
from asynclint.semantics.resolve import is_mark


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


def keeps_test_coroutine(ctx: FileContext, function: FunctionScope) -> bool:
    """Whether every decorator leaves the test a coroutine function pytest-asyncio would see."""
    assert function.node is not None
    for decorator in function.node.decorators:
        expr = decorator.decorator
        if mark_name(expr, function.parent, ctx.resolver) is not None:
            continue
        qualname = ctx.resolver.qualify(expr, function.parent)
        if qualname and is_mark(qualname):
            continue
        if not ctx.resolver.keeps_coroutine(qualname):
            return False
    return True


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
    and `import pytest` when missing.

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
    family = "collection"
    summary = "an async test that no plugin runs"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        candidates = [f for f in ctx.model.functions if f.is_async]
        if not candidates or other_runner_reason(ctx) is not None:
            return
        if not ctx.profile.is_test_file(ctx.path):
            return  # pytest collects tests only from python_files modules
        file_marks = module_marks(ctx.resolver)
        for function in candidates:
            item = collected_test(function, ctx.resolver, ctx.profile)
            if item is None or is_fixture(function, ctx.resolver):
                continue
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
            why = (
                "pytest-asyncio is in strict mode and the test has no `asyncio` mark"
                if ctx.profile.asyncio_plugin_enabled
                else "pytest-asyncio is disabled (`-p no:asyncio`) and no anyio/trio mark runs it"
            )
            message = f"`async def {function.name}` never runs: {why}; add `@pytest.mark.asyncio`"
            yield self.finding(function.node.name, message, self._fix(ctx, function))

    def _fix(self, ctx: FileContext, function: FunctionScope) -> FixPlan | None:
        pytest_name, imports = module_reference(ctx, "pytest")
        if not pytest_name:
            return None
        assert function.node is not None
        anchor = function.node.decorators[0] if function.node.decorators else function.node
        return FixPlan(
            Applicability.SAFE,
            "Add `@pytest.mark.asyncio`",
            (NodeEdit(anchor, f"@{pytest_name}.mark.asyncio", LINE_BEFORE),),
            imports,
        )


RULES = (UnmarkedAsyncTest,)
