"""ASL302 blocking-call: a blocking network or process call inside async code."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.rules.base import Finding, Rule
from asynclint.semantics import tables
from asynclint.semantics.calls import in_async_function, running_coroutine
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import CallSite, dotted

_IN_PROCESS_TRANSPORTS = ("MockTransport", "WSGITransport", "ASGITransport")


def _in_process(ctx: FileContext, arg: cst.Arg, site: CallSite) -> bool:
    """``app=...`` or ``transport=MockTransport(...)`` (directly or through a local name)."""
    if arg.keyword is None:
        return False
    if arg.keyword.value == "app":
        return True
    if arg.keyword.value != "transport":
        return False
    value = arg.value
    if isinstance(value, cst.Name):
        binding = ctx.resolver.lookup(value.value, site.scope)
        value = binding.value if binding is not None and binding.value is not None else value
    name = dotted(value.func) if isinstance(value, cst.Call) else ""
    return name.rpartition(".")[2] in _IN_PROCESS_TRANSPORTS


class BlockingCall(Rule):
    """
    ## What it does
    Flags blocking network and process calls inside an `async def` in test code:
    `requests.get/post/...` (and `requests.Session` methods), `httpx.get/post/...`
    and the methods of a sync `httpx.Client`, `urllib.request.urlopen`,
    `subprocess.run/call/check_call/check_output`, `Popen.wait/communicate`,
    `socket.create_connection`.

    ## Why is this bad?
    While the call waits for the network or the child process, the event loop
    is frozen: the server under test, background tasks and timeouts all stop.
    Tests that talk to an in-process async server deadlock or time out; others
    pass but no longer test any concurrency.

    ## Example
    ```python
    import subprocess

    import pytest


    @pytest.mark.asyncio
    async def test_cli_version():
        result = subprocess.run(["python", "--version"], capture_output=True)
        assert result.returncode == 0
    ```

    ## Use instead
    ```python
    import asyncio

    import pytest


    @pytest.mark.asyncio
    async def test_cli_version():
        process = await asyncio.create_subprocess_exec("python", "--version")
        assert await process.wait() == 0
    ```

    ## Fix safety
    No automatic fix: the async replacement (an async client,
    `asyncio.create_subprocess_exec`, `asyncio.to_thread`) has a different API.

    ## pytest-asyncio versions
    All versions. Calls handed to a thread (`asyncio.to_thread(subprocess.run, ...)`,
    `run_in_executor`, a `lambda`, a nested plain `def`) are not reported.

    ## References
    - Python docs: "Developing with asyncio — running blocking code".
    """

    code = "ASL302"
    name = "blocking-call"
    summary = "a blocking network or process call inside async code"
    triggers = (b"async",)

    _NAMES = frozenset(
        {name.rpartition(".")[2] for name in tables.BLOCKING_CALLS}
        | {method for methods, _ in tables.BLOCKING_METHODS.values() for method in methods}
    )

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            func = site.node.func
            if isinstance(func, cst.Attribute):
                last = func.attr.value
            elif isinstance(func, cst.Name):
                last = func.value
            else:
                continue
            if not in_async_function(site):
                continue
            if last not in self._NAMES and not self._imported_blocking(ctx, func, site):
                continue
            advice = self._blocking(ctx, site)
            if advice is None:
                continue
            function = running_coroutine(site)
            if function is None:
                continue  # in a lambda: run wherever it is called, maybe in a thread
            message = (
                f"`{ctx.code(site.node.func)}()` blocks the event loop inside `async def {function.name}`; {advice}"
            )
            yield self.finding(site.node, message)

    @staticmethod
    def _imported_blocking(ctx: FileContext, func: cst.BaseExpression, site: CallSite) -> bool:
        """``from requests import get as http_get``, ``sh = partial(subprocess.run, ...)``:
        another name for a blocking function."""
        if not isinstance(func, cst.Name):
            return False
        return ctx.resolver.called_qualname(func, site.scope) in tables.BLOCKING_CALLS

    def _blocking(self, ctx: FileContext, site: CallSite) -> str | None:
        func = site.node.func
        if site.callee:
            advice = tables.BLOCKING_CALLS.get(ctx.resolver.called_qualname(func, site.scope))
            if advice is not None:
                return advice
        if not isinstance(func, cst.Attribute):
            return None
        method = func.attr.value
        owner = func.value
        constructor: cst.Call | None = None
        if isinstance(owner, cst.Call):
            constructor = owner
        elif isinstance(owner, cst.Name):
            binding = ctx.resolver.lookup(owner.value, site.scope)
            if binding is not None and binding.kind in ("value", "with") and isinstance(binding.value, cst.Call):
                constructor = binding.value
        if constructor is None or not dotted(constructor.func):
            return None
        if any(_in_process(ctx, arg, site) for arg in constructor.args):
            return None  # an in-process app or a mock transport: no network wait
        instance_of = ctx.resolver.qualify(constructor.func, site.scope)
        if instance_of not in tables.BLOCKING_METHODS:  # ``class Api(httpx.Client)`` of the project
            instance_of = ctx.resolver.library_base(constructor.func, site.scope, tables.BLOCKING_METHODS, method)
        methods = tables.BLOCKING_METHODS.get(instance_of)
        if methods is None or method not in methods[0]:
            return None
        return methods[1]
