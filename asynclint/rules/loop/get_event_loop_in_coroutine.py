"""ASL404 get-event-loop-in-coroutine: asyncio.get_event_loop() inside async code."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.fixes import module_reference
from asynclint.semantics import tables
from asynclint.semantics.calls import in_async_function, running_coroutine
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import CallSite


class GetEventLoopInCoroutine(Rule):
    """
    ## What it does
    Flags `asyncio.get_event_loop()` inside an `async def`.

    ## Why is this bad?
    Inside a coroutine a loop is always running and
    `asyncio.get_running_loop()` says exactly that. `get_event_loop()` goes
    through the event loop policy, is deprecated outside a running loop (a
    `DeprecationWarning` from Python 3.12, an error from 3.14), and code
    copied from a coroutine into a sync test or helper then silently creates or
    borrows the wrong loop. At run time inside a coroutine both return the same
    loop: this rule prevents the bug rather than reporting one.

    ## Example
    ```python
    import asyncio

    import pytest


    @pytest.mark.asyncio
    async def test_loop_time():
        loop = asyncio.get_event_loop()
        assert loop.time() > 0
    ```

    ## Use instead
    ```python
    import asyncio

    import pytest


    @pytest.mark.asyncio
    async def test_loop_time():
        loop = asyncio.get_running_loop()
        assert loop.time() > 0
    ```

    ## Fix safety
    Safe: inside a coroutine both functions return the running loop; the call
    becomes `asyncio.get_running_loop()` (`import asyncio` added when the
    function was imported by name).

    ## pytest-asyncio versions
    All versions. Calls in a `lambda` or a nested plain `def` (which may run
    later, outside the loop) are not reported here; ASL401 covers sync code.

    ## References
    - Python docs: `asyncio.get_running_loop`, `asyncio.get_event_loop`.
    """

    code = "ASL404"
    name = "get-event-loop-in-coroutine"
    summary = "asyncio.get_event_loop() inside async code"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    triggers = (b"event_loop",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if not site.callee or site.node.args or not in_async_function(site):
                continue
            if ctx.resolver.qualify(site.node.func, site.scope) not in tables.GET_EVENT_LOOP:
                continue
            function = running_coroutine(site)
            if function is None:
                continue  # in a lambda: run wherever it is called, maybe in a thread
            message = (
                f"`{ctx.code(site.node.func)}()` inside `async def {function.name}`: use "
                "`asyncio.get_running_loop()`, which cannot create or pick up another loop"
            )
            yield self.finding(site.node, message, self._fix(ctx, site))

    def _fix(self, ctx: FileContext, site: CallSite) -> FixPlan | None:
        func = site.node.func
        if isinstance(func, cst.Attribute):
            edit = NodeEdit(func.attr, "get_running_loop")
            imports: tuple = ()
        else:
            module_name, imports = module_reference(ctx, "asyncio")
            if not module_name:
                return None
            edit = NodeEdit(func, f"{module_name}.get_running_loop")
        return FixPlan(Applicability.SAFE, "Use `asyncio.get_running_loop()`", (edit,), imports)
