"""ASL204 dangling-task: a task is created and its reference dropped."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.rules.base import ANY_COROUTINE_WORDS, Finding, Rule
from asynclint.rules.messages import call_text
from asynclint.semantics import loops, tables
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import DISCARD, enclosing_function


class DanglingTask(Rule):
    """
    ## What it does
    Flags `asyncio.create_task(...)`, `asyncio.ensure_future(...)` and
    `loop.create_task(...)` whose result is thrown away.

    ## Why is this bad?
    The event loop keeps only a weak reference to tasks: an unreferenced task
    can be garbage-collected before it finishes, and its exception is never
    seen. In a test, the work it stands for may simply not happen before the
    test ends, so the assertion that follows tests nothing.

    ## Example
    ```python
    import asyncio

    import pytest


    async def notify():
        return None


    @pytest.mark.asyncio
    async def test_notify():
        asyncio.create_task(notify())
    ```

    ## Use instead
    ```python
    import asyncio

    import pytest


    async def notify():
        return None


    @pytest.mark.asyncio
    async def test_notify():
        task = asyncio.create_task(notify())
        await task
    ```

    ## Fix safety
    No automatic fix.

    ## pytest-asyncio versions
    All versions.

    ## References
    - Python docs: `asyncio.create_task` ("Save a reference to the result of this function").
    """

    code = "ASL204"
    name = "dangling-task"
    summary = "a task is created and its reference dropped"
    # A coroutine may come from anywhere: an ``async def``, asyncio, anyio, a mock, a loop.
    triggers = ANY_COROUTINE_WORDS

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if site.context != DISCARD:
                continue
            func = site.node.func
            function = enclosing_function(site.scope)
            qualname = ctx.resolver.qualify(func, site.scope)
            if qualname in tables.TASK_FACTORIES:
                pass
            elif not (
                isinstance(func, cst.Attribute)
                and func.attr.value == "create_task"
                and loops.holds_a_loop(ctx, func.value, function or ctx.model.module)
            ):
                continue
            text = call_text(ctx, site.node)
            message = (
                f"the task `{text}` creates is dropped: the loop holds it only weakly and its "
                "exception is lost; keep it (`task = ...`) and `await task`"
            )
            yield self.finding(site.node, message)
