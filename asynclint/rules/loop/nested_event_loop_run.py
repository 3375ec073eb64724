"""ASL402 nested-event-loop-run: a loop is run from inside a running loop."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.rules.base import Finding, Rule
from asynclint.semantics import loops, tables
from asynclint.semantics.calls import loop_call
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import enclosing_function


class NestedEventLoopRun(Rule):
    """
    ## What it does
    Flags `asyncio.run(...)`, `loop.run_until_complete(...)` or
    `loop.run_forever()` inside an `async def`.

    ## Why is this bad?
    Inside a coroutine a loop is already running: `asyncio.run` raises
    "asyncio.run() cannot be called from a running event loop" and
    `run_until_complete` raises "This event loop is already running".

    ## Example
    ```python
    import asyncio

    import pytest


    async def compute():
        return 42


    @pytest.mark.asyncio
    async def test_compute():
        assert asyncio.run(compute()) == 42
    ```

    ## Use instead
    ```python
    import pytest


    async def compute():
        return 42


    @pytest.mark.asyncio
    async def test_compute():
        assert await compute() == 42
    ```

    ## Fix safety
    No automatic fix: whether to await the work or move it to a thread is a choice.

    ## pytest-asyncio versions
    All versions.

    ## References
    - Python docs: `asyncio.run`, `loop.run_until_complete`.
    """

    code = "ASL402"
    name = "nested-event-loop-run"
    summary = "a loop is run from inside a running loop"
    triggers = (b"event_loop", b"run_until_complete", b"run_forever", b"asyncio")

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            function = enclosing_function(site.scope)
            if function is None or not function.is_async:
                continue
            api = loop_call(ctx, site)
            if api is None or api in tables.LOOP_CREATORS or loops.expected_to_raise(ctx.model, site.node):
                continue
            text = ctx.code(site.node.func)
            message = (
                f"`{text}()` inside `async def {function.name}` raises RuntimeError: a loop is "
                "already running; `await` the coroutine instead"
            )
            yield self.finding(site.node, message)
