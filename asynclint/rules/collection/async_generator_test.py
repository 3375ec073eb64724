"""ASL105 async-generator-test: an async test that yields: never run."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.rules.base import Finding, Rule
from asynclint.semantics.collection import collected_plain_test, keeps_test_coroutine
from asynclint.semantics.context import FileContext


class AsyncGeneratorTest(Rule):
    """
    ## What it does
    Flags an `async def test*` that contains `yield`: an async generator, not
    a coroutine.

    ## Why is this bad?
    pytest-asyncio cannot run an async generator as a test. It warns
    ("Tests based on asynchronous generators are not supported") and marks the
    test `xfail(run=False)`: the report shows a harmless-looking "x" and the
    body never runs. Without a runner, pytest fails it as an unsupported async
    function. Usually the `yield` was copied from a fixture.

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio
    async def test_stream():
        yield 1
    ```

    ## Use instead
    ```python
    import pytest


    async def numbers():
        yield 1


    @pytest.mark.asyncio
    async def test_stream():
        assert [n async for n in numbers()] == [1]
    ```

    ## Fix safety
    No automatic fix: the test has to be rewritten (move the generator into a
    helper or a fixture).

    ## pytest-asyncio versions
    Reported as xfail (not run) since 0.22/0.23; every version skips or fails
    such tests. The same holds in auto mode.

    ## References
    - pytest-asyncio changelog 0.22: "Test items based on asynchronous generators always exit with xfail status".
    """

    code = "ASL105"
    name = "async-generator-test"
    summary = "an async test that yields: never run"
    triggers = (b"async",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for function in ctx.model.functions:
            if not (function.is_async and function.has_yield):
                continue
            if collected_plain_test(ctx, function) is None or not keeps_test_coroutine(ctx, function):
                continue
            message = (
                f"`async def {function.name}` contains `yield`, so it is an async generator: "
                "pytest-asyncio reports it as xfailed without running it; move the `yield` "
                "into a fixture or helper"
            )
            assert function.node is not None  # a collected test has its def
            yield self.finding(function.node.name, message)
