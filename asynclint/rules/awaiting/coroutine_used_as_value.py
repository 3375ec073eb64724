"""ASL202 coroutine-used-as-value: a coroutine is used as if it were its result."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import ANY_COROUTINE_WORDS, Finding, Rule
from asynclint.rules.fixes import await_fix
from asynclint.rules.messages import await_advice, call_text, coroutine_origin
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import VALUE, VALUE_POSTFIX, enclosing_function


class CoroutineUsedAsValue(Rule):
    """
    ## What it does
    Flags a coroutine used where its result was meant: `assert f()`, `if f():`,
    `not f()`, comparisons, `f()[0]`, `f().attr`, `for x in f()`, `f"{f()}"`,
    and the tested arguments of a test case's value assertions
    (`self.assertTrue(f())`, `self.assertIsNotNone(f())`, `self.assertEqual(f(), x)`).

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
    summary = "a coroutine is used as if it were its result"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    # A coroutine may come from anywhere: an ``async def``, asyncio, anyio, a mock, a loop.
    triggers = ANY_COROUTINE_WORDS

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
                f"never runs{coroutine_origin(callee)}; {await_advice(site, text)}"
            )
            yield self.finding(site.node, message, await_fix(site, f"Await `{text}`"))
