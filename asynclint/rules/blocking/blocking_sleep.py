"""ASL301 blocking-sleep: time.sleep() blocks the event loop inside async code."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.fixes import module_reference
from asynclint.semantics import tables
from asynclint.semantics.calls import in_async_function, running_coroutine
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import DISCARD, CallSite
from asynclint.semantics.libraries import loop_library


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
    summary = "time.sleep() blocks the event loop inside async code"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    triggers = (b"async",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if not site.callee or not in_async_function(site):
                continue
            if ctx.resolver.qualify(site.node.func, site.scope) not in tables.BLOCKING_SLEEP:
                continue
            function = running_coroutine(site)
            if function is None:
                continue  # in a lambda: run wherever it is called, maybe in a thread
            library = loop_library(ctx, function)
            instead = f"`await {library}.sleep(...)`" if library else "the `sleep` of the library that runs it"
            message = (
                f"`{ctx.code(site.node.func)}()` blocks the event loop inside "
                f"`async def {function.name}`; use {instead}"
            )
            yield self.finding(site.node, message, self._fix(ctx, site, library))

    def _fix(self, ctx: FileContext, site: CallSite, library: str | None) -> FixPlan | None:
        if site.context != DISCARD or library is None:
            return None
        func = site.node.func
        if isinstance(func, (cst.Name, cst.Attribute)) and (func.lpar or func.rpar):
            return None  # ``(time.sleep)(0)``: the replacement would sit inside the parentheses
        module_name, imports = module_reference(ctx, library)
        if not module_name:
            return None
        return FixPlan(
            Applicability.SAFE,
            f"Replace with `await {library}.sleep(...)`",
            (NodeEdit(site.node.func, f"await {module_name}.sleep"),),
            imports,
        )
