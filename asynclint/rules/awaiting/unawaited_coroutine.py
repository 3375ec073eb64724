"""ASL201 unawaited-coroutine: a coroutine is created and its result discarded."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import ANY_COROUTINE_WORDS, Finding, Rule
from asynclint.rules.fixes import await_fix
from asynclint.rules.messages import await_advice, call_text, coroutine_origin
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import DISCARD, enclosing_function
from asynclint.semantics.resolve import FUTURE


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
    summary = "a coroutine is created and its result discarded"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    # A coroutine may come from anywhere: an ``async def``, asyncio, anyio, a mock, a loop.
    triggers = ANY_COROUTINE_WORDS

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
                f"`{text}` creates {what} that is never awaited{coroutine_origin(callee)}; {await_advice(site, text)}"
            )
            yield self.finding(site.node, message, await_fix(site, f"Add `await` before `{text}`"))
