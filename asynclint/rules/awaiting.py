"""The await family: coroutines created and then dropped or misused."""

from __future__ import annotations

from typing import Iterator

from asynclint.model import Applicability
from asynclint.rules.base import FileContext, Finding, FixPlan, Rule
from asynclint.rules.helpers import add_await_edits, call_text, in_async_function
from asynclint.semantics.filemodel import DISCARD, VALUE, VALUE_POSTFIX, CallSite, enclosing_function
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
            message = (
                f"`{text}` creates {what} that is never awaited{_origin(callee)}; "
                f"{_advice(site, text)}"
            )
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


RULES = (UnawaitedCoroutine, CoroutineUsedAsValue)
