"""The await family: coroutines created and then dropped or misused."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability
from asynclint.rules.base import FileContext, Finding, FixPlan, Rule
from asynclint.rules.helpers import add_await_edits, call_text, in_async_function
from asynclint.semantics import tables
from asynclint.semantics.filemodel import (
    ASSIGN,
    DISCARD,
    VALUE,
    VALUE_POSTFIX,
    CallSite,
    FunctionScope,
    enclosing_function,
)
from asynclint.semantics.resolve import FUTURE, Callee


def _origin(callee: Callee) -> str:
    return f" (`{callee.name}` is {callee.definition})" if callee.definition else ""


def _await_fix(site: CallSite, title: str) -> FixPlan | None:
    if not in_async_function(site):
        return None
    edits = add_await_edits(site)
    return FixPlan(Applicability.SAFE, title, edits) if edits else None


def _advice(site: CallSite, text: str) -> str:
    if in_async_function(site):
        return f"write `await {text}`"
    return "await it from an `async def` (make this function async)"


class UnawaitedCoroutine(Rule):
    """
    ## What it does
    Flags a call of a coroutine function whose result is thrown away: the call
    is a statement of its own, including inside `with pytest.raises(...)`.

    ## Why is this bad?
    Calling an `async def` only creates a coroutine object; nothing in its body
    runs until it is awaited. The test passes without doing what it says, and
    Python later warns "coroutine ... was never awaited". A dropped
    `asyncio.gather(...)` loses the errors of everything it gathered.

    ## Example
    ```python
    import pytest


    async def save(item):
        return item


    @pytest.mark.asyncio
    async def test_save():
        save("x")
    ```

    ## Use instead
    ```python
    import pytest


    async def save(item):
        return item


    @pytest.mark.asyncio
    async def test_save():
        await save("x")
    ```

    ## Fix safety
    Safe inside an `async def`: `await` is added. In a sync function there is no
    automatic fix: the function has to become a coroutine test first.

    ## pytest-asyncio versions
    All versions; the mistake is Python's, not the plugin's.

    ## References
    - Python docs: "Coroutines and Tasks", "Detect never-awaited coroutines".
    """

    code = "ASL201"
    name = "unawaited-coroutine"
    family = "await"
    summary = "a coroutine is created and its result discarded"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if site.context != DISCARD or enclosing_function(site.scope) is None:
                continue
            callee = ctx.callee(site)
            if not callee.awaitable:
                continue
            text = call_text(ctx, site.node)
            what = "a future" if callee.kind == FUTURE else "a coroutine"
            message = f"`{text}` creates {what} that is never awaited{_origin(callee)}; {_advice(site, text)}"
            yield self.finding(site.node, message, _await_fix(site, f"Add `await` before `{text}`"))


class CoroutineUsedAsValue(Rule):
    """
    ## What it does
    Flags a coroutine used where its result was meant: `assert f()`, `if f():`,
    `not f()`, comparisons, `f()[0]`, `f().attr`, `for x in f()`, `f"{f()}"`.

    ## Why is this bad?
    A coroutine object is always truthy and never equal to the value it would
    produce, so `assert fetch()` passes whatever `fetch` would have returned:
    the test lies. The coroutine is also never run.

    ## Example
    ```python
    import pytest


    async def is_ready():
        return False


    @pytest.mark.asyncio
    async def test_ready():
        assert is_ready()
    ```

    ## Use instead
    ```python
    import pytest


    async def is_ready():
        return False


    @pytest.mark.asyncio
    async def test_ready():
        assert await is_ready()
    ```

    ## Fix safety
    Safe inside an `async def`: `await` is added, with parentheses where the
    coroutine is the base of an attribute or subscript.

    ## pytest-asyncio versions
    All versions.

    ## References
    - Python docs: "Awaitables".
    """

    code = "ASL202"
    name = "coroutine-used-as-value"
    family = "await"
    summary = "a coroutine is used as if it were its result"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if site.context not in (VALUE, VALUE_POSTFIX) or enclosing_function(site.scope) is None:
                continue
            callee = ctx.callee(site)
            if not callee.awaitable:
                continue
            text = call_text(ctx, site.node)
            message = (
                f"`{text}` is a coroutine object here, not its result: it is always truthy and "
                f"never runs{_origin(callee)}; {_advice(site, text)}"
            )
            yield self.finding(site.node, message, _await_fix(site, f"Await `{text}`"))


# Uses of a variable that do not hand its coroutine to anyone.
_DEAD_USES = frozenset({VALUE, VALUE_POSTFIX, DISCARD})


class CoroutineNeverAwaited(Rule):
    """
    ## What it does
    Flags `x = f()` where `f()` returns a coroutine (or a future such as
    `asyncio.gather(...)`) and `x` is never awaited, returned or passed on in
    that function.

    ## Why is this bad?
    The coroutine never runs; its effects and its exceptions vanish. Python
    only notices at garbage collection ("coroutine ... was never awaited"),
    long after the test has passed.

    ## Example
    ```python
    import pytest


    async def send(message):
        return message


    @pytest.mark.asyncio
    async def test_send():
        result = send("hi")
        assert result
    ```

    ## Use instead
    ```python
    import pytest


    async def send(message):
        return message


    @pytest.mark.asyncio
    async def test_send():
        result = await send("hi")
        assert result
    ```

    ## Fix safety
    No automatic fix: where the await belongs is the author's call.

    ## pytest-asyncio versions
    All versions.

    ## References
    - Python docs: "Coroutines and Tasks".
    """

    code = "ASL203"
    name = "coroutine-never-awaited"
    family = "await"
    summary = "a coroutine stored in a variable that is never awaited or passed on"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if site.context != ASSIGN or site.assigned_to is None:
                continue
            function = enclosing_function(site.scope)
            if function is None or site.scope is not function:
                continue
            name = site.assigned_to
            if len(function.bindings.get(name, ())) != 1:
                continue  # rebound: which value is awaited is beyond a linter's certainty
            if any(use not in _DEAD_USES for use in function.uses.get(name, ())):
                continue
            callee = ctx.callee(site)
            if not callee.awaitable:
                continue
            text = call_text(ctx, site.node)
            message = (
                f"`{name} = {text}` stores a coroutine that is never awaited, returned or passed on "
                f"in `{function.name}`{_origin(callee)}; write `{name} = await {text}`"
            )
            yield self.finding(site.node, message)


_LOOP_NAMES = frozenset({"loop", "event_loop", "io_loop"})


def _is_loop_expression(ctx: FileContext, expr: cst.BaseExpression, function: FunctionScope | None) -> bool:
    """``asyncio.get_running_loop()``, a name bound to it, a ``loop``/``event_loop``/``io_loop``
    parameter, or the loop a test case holds (``self.loop``, ``cls._loop``)."""
    scope = function or ctx.model.module
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
        return expr.value.value in ("self", "cls") and expr.attr.value.lstrip("_") in _LOOP_NAMES
    if isinstance(expr, cst.Call):
        return ctx.resolver.qualify(expr.func, scope) in tables.LOOP_GETTERS
    if isinstance(expr, cst.Name):
        binding = ctx.resolver.lookup(expr.value, scope)
        if binding is None:
            return False
        if binding.kind == "param":
            return expr.value in _LOOP_NAMES
        if binding.kind == "value" and isinstance(binding.value, cst.Call):
            owner = ctx.resolver.owner(expr.value, scope) or scope
            return ctx.resolver.qualify(binding.value.func, owner) in tables.LOOP_GETTERS
    return False


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
    family = "await"
    summary = "a task is created and its reference dropped"

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


RULES = (UnawaitedCoroutine, CoroutineUsedAsValue, CoroutineNeverAwaited, DanglingTask)
