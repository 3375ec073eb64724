"""The loop family: event loops created, set or driven by hand in tests."""

from __future__ import annotations

from typing import Iterator

import libcst as cst

from asynclint.rules.base import FileContext, Finding, Rule
from asynclint.semantics import tables
from asynclint.semantics.filemodel import RETURN, CallSite, FunctionScope, enclosing_function


def loop_call(ctx: FileContext, site: CallSite) -> str | None:
    """The loop API a call uses ("asyncio.run", "run_until_complete", ...), if any."""
    func = site.node.func
    if isinstance(func, cst.Attribute) and func.attr.value in tables.LOOP_RUN_METHODS:
        qualname = ctx.resolver.qualify(func, site.scope)
        if not qualname or qualname.startswith("asyncio."):
            return func.attr.value
        return None
    if not site.callee:
        return None
    last = site.callee.rpartition(".")[2]
    if last not in {"run", "new_event_loop", "get_event_loop", "set_event_loop"}:
        return None
    qualname = ctx.resolver.qualify(func, site.scope)
    if qualname in tables.ASYNCIO_RUN or qualname in tables.LOOP_CREATORS:
        return qualname
    return None


def _runs_loop_on_purpose(ctx: FileContext, function: FunctionScope) -> bool:
    """Harnesses whose job is to run a loop: thread targets, decorator wrappers, pytest hooks."""
    if function.name in ctx.model.passed_functions or function.name.startswith("pytest_"):
        return True
    parent = function.parent
    return isinstance(parent, FunctionScope) and RETURN in parent.uses.get(function.name, ())


class ManualEventLoop(Rule):
    """
    ## What it does
    Flags a sync test, fixture or helper that creates, sets or drives an event
    loop by hand: `asyncio.new_event_loop()`, `asyncio.get_event_loop()`,
    `asyncio.set_event_loop(...)`, `loop.run_until_complete(...)`,
    `loop.run_forever()`, `asyncio.run(...)`.

    ## Why is this bad?
    Hand-made loops leak between tests, are never closed when an assertion
    fails, bypass the loop pytest-asyncio manages (and its scope), and
    `asyncio.get_event_loop()` without a running loop is deprecated since
    Python 3.12 and an error from 3.14.

    ## Example
    ```python
    import asyncio


    async def compute():
        return 42


    def test_compute():
        loop = asyncio.new_event_loop()
        assert loop.run_until_complete(compute()) == 42
    ```

    ## Use instead
    ```python
    import pytest


    async def compute():
        return 42


    @pytest.mark.asyncio
    async def test_compute():
        assert await compute() == 42
    ```

    ## Fix safety
    Unsafe (issue-tracked): a sync test whose body is `loop.run_until_complete(X)`
    or `asyncio.run(X)` can be rewritten into an async test awaiting `X`.

    ## pytest-asyncio versions
    All versions; the `event_loop` fixture these tests often pair with is gone in 1.0.

    ## References
    - pytest-asyncio docs: "How to test with different event loops".
    """

    code = "ASL401"
    name = "manual-event-loop"
    family = "loop"
    summary = "an event loop is created or driven by hand in a sync test"
    fix_availability = "unsafe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            function = enclosing_function(site.scope)
            if function is None or function.is_async or _runs_loop_on_purpose(ctx, function):
                continue
            api = loop_call(ctx, site)
            if api is None:
                continue
            text = ctx.code(site.node.func)
            message = (
                f"`{text}()` drives an event loop by hand in `def {function.name}`; "
                "make it an `async def` test marked `@pytest.mark.asyncio` and `await` instead"
            )
            yield self.finding(site.node, message)


class NestedEventLoopRun(Rule):
    """
    ## What it does
    Flags `asyncio.run(...)`, `loop.run_until_complete(...)` or
    `loop.run_forever()` inside an `async def`.

    ## Why is this bad?
    Inside a coroutine a loop is already running: `asyncio.run` raises
    "asyncio.run() cannot be called from a running event loop" and
    `run_until_complete` raises "This event loop is already running".

    ## Example
    ```python
    import asyncio

    import pytest


    async def compute():
        return 42


    @pytest.mark.asyncio
    async def test_compute():
        assert asyncio.run(compute()) == 42
    ```

    ## Use instead
    ```python
    import pytest


    async def compute():
        return 42


    @pytest.mark.asyncio
    async def test_compute():
        assert await compute() == 42
    ```

    ## Fix safety
    No automatic fix: whether to await the work or move it to a thread is a choice.

    ## pytest-asyncio versions
    All versions.

    ## References
    - Python docs: `asyncio.run`, `loop.run_until_complete`.
    """

    code = "ASL402"
    name = "nested-event-loop-run"
    family = "loop"
    summary = "a loop is run from inside a running loop"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            function = enclosing_function(site.scope)
            if function is None or not function.is_async:
                continue
            api = loop_call(ctx, site)
            if api is None or api in tables.LOOP_CREATORS:
                continue
            text = ctx.code(site.node.func)
            message = (
                f"`{text}()` inside `async def {function.name}` raises RuntimeError: a loop is "
                "already running; `await` the coroutine instead"
            )
            yield self.finding(site.node, message)


RULES = (ManualEventLoop, NestedEventLoopRun)
