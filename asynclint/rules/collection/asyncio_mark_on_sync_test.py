"""ASL103 asyncio-mark-on-sync-test: @pytest.mark.asyncio on a plain def test."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.config.versions import failure_note, versions_for
from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, Rule
from asynclint.rules.fixes import remove_decorator
from asynclint.semantics.collection import collected_plain_test, plain_decorators_only
from asynclint.semantics.context import FileContext
from asynclint.semantics.pytest_items import mark_decorators


class AsyncioMarkOnSyncTest(Rule):
    """
    ## What it does
    Flags an explicit `@pytest.mark.asyncio` on a test that is a plain `def`.

    ## Why is this bad?
    The mark only means something to coroutine tests. On a plain function it
    does nothing except make pytest-asyncio warn ("is marked with
    '@pytest.mark.asyncio' but it is not an async function"); usually the
    author meant to write `async def`, or the mark was copied along with the
    test. With `filterwarnings = error` the warning fails the test.

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio
    def test_total():
        assert sum([1, 2]) == 3
    ```

    ## Use instead
    ```python
    def test_total():
        assert sum([1, 2]) == 3
    ```

    ## Fix safety
    Safe: the mark has no effect on a plain function; its decorator line is
    removed.

    ## pytest-asyncio versions
    All versions; the warning is a `PytestWarning` emitted when the test runs.
    Marks that reach the test from its class or module (`pytestmark`) are not
    reported: they are meant for the coroutine tests next to it.

    ## References
    - pytest-asyncio source: `pytest_pyfunc_call` ("Please remove the asyncio mark").
    """

    code = "ASL103"
    name = "asyncio-mark-on-sync-test"
    summary = "@pytest.mark.asyncio on a plain def test"
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    triggers = (b"asyncio",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for function in ctx.model.functions:
            if function.is_async or function.node is None:
                continue
            marks = [
                d for d, mark in mark_decorators(function.node, function.parent, ctx.resolver) if mark == "asyncio"
            ]
            if not marks or collected_plain_test(ctx, function) is None:
                continue
            if not plain_decorators_only(ctx, function):
                continue  # a decorator may turn the function into a coroutine function
            versions = versions or versions_for(ctx)
            note = failure_note(ctx.profile, "PytestWarning", versions)
            for decorator in marks:
                message = (
                    f"`@{ctx.code(decorator.decorator)}` on `def {function.name}` does nothing: "
                    f"the test is not a coroutine and pytest-asyncio only warns about the mark{note}; "
                    "remove the mark or make the test `async def`"
                )
                yield self.finding(decorator, message, remove_decorator(decorator, "Remove the asyncio mark"))
