"""ASL204 dangling-task: a task is created and its reference dropped."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.rules.base import ANY_COROUTINE_WORDS, Finding, Rule
from asynclint.rules.messages import call_text
from asynclint.semantics import tables
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import DISCARD, FunctionScope, enclosing_function
from asynclint.semantics.values import Instance

_LOOP_NAMES = frozenset({"loop", "event_loop", "io_loop"})


def _is_loop_expression(ctx: FileContext, expr: cst.BaseExpression, function: FunctionScope | None) -> bool:
    """``asyncio.get_running_loop()``, a name bound to it, a ``loop``/``event_loop``/``io_loop``
    parameter, the loop a test case holds (``self.loop``, ``cls._loop``), or anything value
    inference knows holds a loop (a fixture returning the running loop, an attribute typed
    ``AbstractEventLoop``)."""
    scope = function or ctx.model.module
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
        if expr.value.value in ("self", "cls") and expr.attr.value.lstrip("_") in _LOOP_NAMES:
            return True
    if isinstance(expr, cst.Call):
        return ctx.resolver.qualify(expr.func, scope) in tables.LOOP_GETTERS
    if isinstance(expr, cst.Name):
        binding = ctx.resolver.lookup(expr.value, scope)
        if binding is None:
            return False
        if binding.kind == "param" and expr.value in _LOOP_NAMES:
            return True
        if binding.kind == "value" and isinstance(binding.value, cst.Call):
            owner = ctx.resolver.owner(expr.value, scope) or scope
            if ctx.resolver.qualify(binding.value.func, owner) in tables.LOOP_GETTERS:
                return True
    held = ctx.resolver.values.infer(expr, scope)
    return (
        isinstance(held, Instance) and held.cls.symbol is not None and held.cls.symbol.qualname in tables.LOOP_CLASSES
    )


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
                and _is_loop_expression(ctx, func.value, function)
            ):
                continue
            text = call_text(ctx, site.node)
            message = (
                f"the task `{text}` creates is dropped: the loop holds it only weakly and its "
                "exception is lost; keep it (`task = ...`) and `await task`"
            )
            yield self.finding(site.node, message)
