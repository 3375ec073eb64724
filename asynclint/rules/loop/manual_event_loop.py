"""ASL401 manual-event-loop: an event loop is created or driven by hand in a sync test."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, Rule
from asynclint.rules.loop.manual_event_loop_fix import manual_loop_fix
from asynclint.semantics import loops, tables
from asynclint.semantics.ancestry import class_ancestry
from asynclint.semantics.calls import loop_call
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import RETURN, CallSite, FunctionScope, enclosing_function
from asynclint.semantics.libraries import preferred_runner
from asynclint.semantics.pytest_items import collected_test, fixture_decorator, is_unittest_class


def _runs_loop_on_purpose(ctx: FileContext, function: FunctionScope) -> bool:
    """Harnesses whose job is to run a loop: thread targets, decorator wrappers, pytest hooks,
    and nested functions handed to a decorator (``@benchmark def _run(): ...``)."""
    if function.name.startswith("pytest_") or _passed_on(ctx, function):
        return True
    parent = function.parent
    if not isinstance(parent, FunctionScope):
        return False
    assert function.node is not None
    return bool(function.node.decorators) or RETURN in parent.uses.get(function.name, ())


def _returns_created_loop(ctx: FileContext, function: FunctionScope, site: CallSite) -> bool:
    """``site`` creates a loop that ``function`` returns or yields."""
    if loop_call(ctx, site) not in ("asyncio.new_event_loop", "asyncio.get_event_loop"):
        return False
    return site.context == RETURN or (
        site.assigned_to is not None and RETURN in function.uses.get(site.assigned_to, ())
    )


def _provides_a_loop(ctx: FileContext, function: FunctionScope) -> bool:
    """The function returns or yields a loop it creates (memoised: asked once per call)."""
    key = ("provides-loop", id(function))
    found = ctx.model.memo.get(key)
    if not isinstance(found, bool):
        found = ctx.model.memo[key] = any(
            enclosing_function(site.scope) is function and _returns_created_loop(ctx, function, site)
            for site in ctx.model.calls
        )
    return found


def _instead(ctx: FileContext, function: FunctionScope) -> str:
    """What to write instead, for the kind of function and the runner the project uses."""
    cls = function.owner_class
    if cls is not None and cls.node is not None:
        ancestry = class_ancestry(cls, ctx.resolver)
        if ancestry is not None and is_unittest_class(ancestry):
            return (
                "derive from `unittest.IsolatedAsyncioTestCase`, which runs `async def` tests "
                "and `asyncSetUp`/`asyncTearDown` in its own loop"
            )
    runner = preferred_runner(ctx)
    if fixture_decorator(function, ctx.resolver) is not None:
        if runner is None:
            return "close the loop after the fixture's `yield` and restore the previous one"
        if _provides_a_loop(ctx, function):
            return (
                f"drop the fixture: {_PLUGIN[runner]} provides the loop, and async tests reach it "
                "with `asyncio.get_running_loop()`"
            )
        decorator = (
            "@pytest_asyncio.fixture"
            if runner == "asyncio" and ctx.profile.asyncio_mode != "auto"
            else "@pytest.fixture"
        )
        return f"make it an `async def` fixture (`{decorator}`) that awaits instead"
    if collected_test(function, ctx.resolver, ctx.profile) is not None and runner is not None:
        return f"make it an `async def` test marked `@pytest.mark.{runner}` and `await` instead"
    return "close the loop on every path (`try`/`finally`) or let the test's runner provide it"


_PLUGIN = {"asyncio": "pytest-asyncio", "anyio": "anyio's pytest plugin", "trio": "pytest-trio"}


def _passed_on(ctx: FileContext, function: FunctionScope) -> bool:
    """The function itself is handed to another call (``Thread(target=self._run)``), not
    merely a variable of the same name (``set_event_loop(loop)`` beside ``def loop()``)."""
    for expr, scope in ctx.model.passed_references.get(function.name, ()):
        if isinstance(expr, cst.Name):
            binding = ctx.resolver.lookup(expr.value, scope)
            if binding is not None and binding.function is function:
                return True
        elif isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
            if expr.value.value in ("self", "cls") and function.owner_class is not None:
                return True  # ``self._run``: a method of the class (or of a subclass)
            binding = ctx.resolver.lookup(expr.value.value, scope)
            if binding is not None and binding.cls is not None and binding.cls is function.owner_class:
                return True
    return False


def _what(api: str) -> str:
    if api == "asyncio.new_event_loop":
        return "creates an event loop that is not closed on every path"
    if api == "asyncio.set_event_loop":
        return "installs a global event loop that is never restored"
    if api == "asyncio.get_event_loop":
        return "asks for the current event loop where none runs"
    return "drives an event loop by hand"


def _test_or_fixture(ctx: FileContext, function: FunctionScope) -> bool:
    if fixture_decorator(function, ctx.resolver) is not None:
        return True
    return not ctx.is_conftest and collected_test(function, ctx.resolver, ctx.profile) is not None


def _by_hand(ctx: FileContext, function: FunctionScope, site: CallSite, api: str) -> bool:
    """Whether the call manages a loop by hand, as ASL401 defines it: never a loop a fixture
    hands over, a test case's harness owns, the function closes on every path, or the loop
    API under test."""
    model = ctx.model
    test = not ctx.is_conftest and collected_test(function, ctx.resolver, ctx.profile) is not None
    # A test of the loop API drives loops on purpose; asking for a current loop where none
    # runs is still deprecated (an error from Python 3.14), whatever the test is about.
    if test and api != "asyncio.get_event_loop" and loops.tests_the_loop_api(model, function):
        return False
    if api in _CURRENT_LOOP_APIS and loops.replaces_current_loop(model, function):
        return False  # takes the current loop, closes it and installs another: on purpose
    if api == "asyncio.new_event_loop":
        if not function.has_yield and _returns_created_loop(ctx, function, site):
            return False  # returned: the caller owns it (a loop factory, a helper's result)
        return not loops.created_loop_is_closed(model, function, site.node)
    if api == "asyncio.set_event_loop":
        args = site.node.args
        if not args or (isinstance(args[0].value, cst.Name) and args[0].value.value == "None"):
            return False  # clearing or restoring
        if loops.sets_harness_loop(site.node):
            return False
        return not loops.restores_global_loop(model, function)
    if not _test_or_fixture(ctx, function) or loops.is_harness_method(function):
        return False  # helpers may run inside a loop; set-up methods are the harness
    if api == "asyncio.get_event_loop":
        return not (
            loops.saves_for_restore(model, function, site.node)
            or (test and loops.asks_what_the_current_loop_is(model, function, site.node))
            or loops.runs_with_a_current_loop(ctx, function)
        )
    # asyncio.run / run_until_complete / run_forever: only where a runner could await instead,
    # never in a fixture that provides the loop it drives (draining it in teardown).
    if not ctx.runner_context.libraries or ctx.runner_context.other_runner is not None:
        return False
    if _provides_a_loop(ctx, function):
        return False
    if api in tables.ASYNCIO_RUN:
        return not any(
            arg.keyword is not None and arg.keyword.value in loops.RUN_API_KEYWORDS for arg in site.node.args
        )
    func = site.node.func
    receiver = func.value if isinstance(func, cst.Attribute) else None
    if receiver is not None and loops.run_on_owned_loop(model, function, receiver):
        return False  # a private loop made here and closed on every path
    if (
        receiver is not None
        and model.module_node.code_for_node(receiver) in loops.loop_uses(model, function).running_names
    ):
        return False  # a loop from get_running_loop(): this code only runs inside a running loop
    return receiver is None or not loops.harness_receiver(receiver, function)


_CURRENT_LOOP_APIS = frozenset({"asyncio.get_event_loop", "asyncio.set_event_loop", "asyncio.new_event_loop"})


class ManualEventLoop(Rule):
    """
    ## What it does
    Flags test code that manages an event loop itself instead of letting the
    runner do it: `asyncio.new_event_loop()` whose loop is not closed on every
    path of the same function (a `finally`, after a fixture's `yield`, a cleanup
    callback, `contextlib.closing`); `asyncio.set_event_loop(loop)` that is never
    restored; `asyncio.get_event_loop()` in a sync test or fixture, where no loop
    runs; `asyncio.run(...)` / `loop.run_until_complete(...)` /
    `loop.run_forever()` in a sync test or fixture of a project whose runner
    could await the work instead. Not flagged: a loop a fixture hands over (a
    `loop` parameter), `self.loop` / `cls.loop` owned by a test case's harness,
    a loop a function returns to its caller (a loop factory), a private loop the
    test makes and closes on every path (running it is then the test's own
    business), the current loop taken, closed and replaced on purpose,
    `asyncio.get_event_loop()` in sync code that runs after a fixture that
    installs a loop, an async fixture or one asynclint cannot see (a current
    loop may exist), a loop from `get_running_loop()`, sync helpers (they may
    run inside a loop), thread targets, functions handed to a harness by a
    decorator, and tests whose subject is the loop API itself
    (`loop.call_soon`, `loop.time()`, `asyncio.run(..., debug=True)`, an
    assertion about which loop is current or returned).

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
    Unsafe (applied with `--fix --unsafe-fixes`): a sync test whose body drives
    `loop.run_until_complete(X)` or `asyncio.run(X)` becomes an
    `@pytest.mark.asyncio async def` test that awaits `X`; the `event_loop`
    parameter, `loop = asyncio.new_event_loop()` / `get_event_loop()`,
    `asyncio.set_event_loop(...)` and `loop.close()` lines go (a `try`/`finally`
    that only closed the loop is unwrapped). Unsafe because the code then runs
    in pytest-asyncio's loop instead of a private one. Any other use of the
    loop, or a run inside a nested function, gets no fix.

    ## pytest-asyncio versions
    All versions; the `event_loop` fixture these tests often pair with is gone in 1.0.

    ## References
    - pytest-asyncio docs: "How to test with different event loops".
    """

    code = "ASL401"
    name = "manual-event-loop"
    summary = "an event loop is created or driven by hand in a sync test"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    triggers = (b"event_loop", b"run_until_complete", b"run_forever", b"asyncio")

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        fixes: dict[int, object] = {}  # one rewrite per test, shared by all its findings
        for site in ctx.model.calls:
            function = enclosing_function(site.scope)
            if function is None or function.is_async or _runs_loop_on_purpose(ctx, function):
                continue
            api = loop_call(ctx, site)
            if api is None or not _by_hand(ctx, function, site, api):
                continue
            text = ctx.code(site.node.func)
            message = f"`{text}()` {_what(api)} in `def {function.name}`; {_instead(ctx, function)}"
            if id(function) not in fixes:
                fixes[id(function)] = manual_loop_fix(ctx, function)
            yield self.finding(site.node, message, fixes[id(function)])  # type: ignore[arg-type]
