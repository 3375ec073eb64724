"""The blocking family: calls that stop the event loop inside coroutine tests."""

from __future__ import annotations

from typing import Iterator

from asynclint.model import Applicability
from asynclint.rules.base import FileContext, Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.helpers import async_library, in_async_function, module_reference
from asynclint.semantics import tables
from asynclint.semantics.filemodel import DISCARD, enclosing_function


class BlockingSleep(Rule):
    """
    ## What it does
    Flags `time.sleep(...)` inside an `async def` in test code (tests, fixtures
    and helpers), however `time` or `sleep` was imported.

    ## Why is this bad?
    `time.sleep` blocks the whole event loop: every other task, server and
    timeout stalls with it. Tests pass but stop testing concurrency, get slow,
    and hide the very race they wait for.

    ## Example
    ```python
    import time

    import pytest


    @pytest.mark.asyncio
    async def test_wait():
        time.sleep(0.1)
    ```

    ## Use instead
    ```python
    import asyncio

    import pytest


    @pytest.mark.asyncio
    async def test_wait():
        await asyncio.sleep(0.1)
    ```

    ## Fix safety
    Safe when the call is a statement of its own: it becomes
    `await asyncio.sleep(...)` with the same arguments, and `import asyncio` is
    added when missing.

    ## pytest-asyncio versions
    All versions.

    ## References
    - Python docs: "Developing with asyncio — running blocking code".
    """

    code = "ASL301"
    name = "blocking-sleep"
    family = "blocking"
    summary = "time.sleep() blocks the event loop inside async code"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if not site.callee or not in_async_function(site):
                continue
            if ctx.resolver.qualify(site.node.func, site.scope) not in tables.BLOCKING_SLEEP:
                continue
            function = enclosing_function(site.scope)
            assert function is not None
            library = async_library(ctx)
            message = (
                f"`{ctx.code(site.node.func)}()` blocks the event loop inside "
                f"`async def {function.name}`; use `await {library}.sleep(...)`"
            )
            yield self.finding(site.node, message, self._fix(ctx, site, library))

    def _fix(self, ctx: FileContext, site, library: str) -> FixPlan | None:
        if site.context != DISCARD:
            return None
        module_name, imports = module_reference(ctx, library)
        if not module_name:
            return None
        return FixPlan(
            Applicability.SAFE,
            f"Replace with `await {library}.sleep(...)`",
            (NodeEdit(site.node.func, f"await {module_name}.sleep"),),
            imports,
        )


RULES = (BlockingSleep,)
