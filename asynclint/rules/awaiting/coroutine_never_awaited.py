"""ASL203 coroutine-never-awaited: a coroutine stored in a variable that is never awaited or passed on."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.rules.base import ANY_COROUTINE_WORDS, Finding, Rule
from asynclint.rules.messages import call_text, coroutine_origin
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import ASSIGN, DISCARD, VALUE, VALUE_POSTFIX, enclosing_function

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
    summary = "a coroutine stored in a variable that is never awaited or passed on"
    # A coroutine may come from anywhere: an ``async def``, asyncio, anyio, a mock, a loop.
    triggers = ANY_COROUTINE_WORDS

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
                f"in `{function.name}`{coroutine_origin(callee)}; write `{name} = await {text}`"
            )
            yield self.finding(site.node, message)
