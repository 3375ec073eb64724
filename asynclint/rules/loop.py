"""The loop family: event loops created, set or driven by hand in tests."""

from __future__ import annotations

import re
from collections.abc import Iterator

import libcst as cst

from asynclint.config.versions import ProjectVersions, failure_note, versions_for
from asynclint.model import Applicability
from asynclint.rules.base import FileContext, Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.blocking import inside_lambda
from asynclint.rules.helpers import in_async_function, module_reference, preferred_runner
from asynclint.rules.loop_fix import event_loop_request_fix, manual_loop_fix
from asynclint.semantics import loops, tables
from asynclint.semantics.ancestry import class_ancestry
from asynclint.semantics.filemodel import RETURN, CallSite, FunctionScope, enclosing_function, string_value
from asynclint.semantics.fixtures import FixtureInfo, resolve_fixture
from asynclint.semantics.pytest_items import (
    FixtureDecorator,
    collected_test,
    fixture_decorator,
    fixture_name,
    is_unittest_class,
    requested_fixtures,
    shared_usefixtures,
)


def loop_call(ctx: FileContext, site: CallSite) -> str | None:
    """The loop API a call uses ("asyncio.run", "run_until_complete", ...), if any."""
    func = site.node.func
    if isinstance(func, cst.Attribute) and func.attr.value in tables.LOOP_RUN_METHODS:
        qualname = ctx.resolver.qualify(func, site.scope)
        if qualname and not qualname.startswith("asyncio."):
            return None
        if ctx.callee(site).qualname:
            return None  # a project method that shares the name (``await supervisor.run_until_complete()``)
        return func.attr.value
    if not site.callee:
        return None
    qualname = ctx.resolver.qualify(func, site.scope)  # aliases too: ``from asyncio import run as go``
    if qualname in tables.ASYNCIO_RUN or qualname in tables.LOOP_CREATORS:
        return qualname
    return None


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
    a loop a function returns to its caller (a loop factory), sync helpers
    (they may run inside a loop), thread targets, functions handed to a harness
    by a decorator, and tests whose subject is the loop API itself
    (`loop.call_soon`, `loop.time()`, `asyncio.run(..., debug=True)`).

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
    family = "loop"
    summary = "an event loop is created or driven by hand in a sync test"
    fix_availability = "unsafe"

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
        return not loops.saves_for_restore(model, function, site.node)
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
    return receiver is None or not loops.harness_receiver(receiver, function)


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
            if api is None or api in tables.LOOP_CREATORS or loops.expected_to_raise(ctx.model, site.node):
                continue
            text = ctx.code(site.node.func)
            message = (
                f"`{text}()` inside `async def {function.name}` raises RuntimeError: a loop is "
                "already running; `await` the coroutine instead"
            )
            yield self.finding(site.node, message)


# --------------------------------------------------------------------------- ASL403
def _user_fixtures(ctx: FileContext, wanted: str) -> Iterator[tuple[FunctionScope, FixtureDecorator]]:
    """(function, decorator) for every fixture of this file requested as ``wanted``."""
    for function in ctx.model.functions:
        found = fixture_decorator(function, ctx.resolver)
        if found is not None and fixture_name(function, found) == wanted:
            yield function, found


def _is_requester(ctx: FileContext, function: FunctionScope) -> bool:
    if fixture_decorator(function, ctx.resolver) is not None:
        return True
    return not ctx.is_conftest and collected_test(function, ctx.resolver, ctx.profile) is not None


class EventLoopFixture(Rule):
    """
    ## What it does
    Flags a fixture named `event_loop` defined by the user, and every test or
    fixture that requests `event_loop` (as a parameter, in
    `@pytest.mark.usefixtures` on the test, on its class or in the module's
    `pytestmark`, or with `request.getfixturevalue`).

    ## Why is this bad?
    pytest-asyncio deprecated overriding and requesting its `event_loop`
    fixture in 0.22/0.23 and removed it in 1.0. Since then a request that finds
    no fixture of your own errors ("fixture 'event_loop' not found"), and a
    fixture of your own named `event_loop` is just a fixture: the loop it yields
    is not the loop your tests and async fixtures run in, so tasks scheduled on
    it never run and its scope changes nothing.

    ## Example
    ```python
    import asyncio

    import pytest


    @pytest.mark.asyncio
    async def test_schedule(event_loop):
        future = event_loop.create_future()
        future.set_result(1)
        assert await future == 1
    ```

    ## Use instead
    ```python
    import asyncio

    import pytest


    @pytest.mark.asyncio
    async def test_schedule():
        future = asyncio.get_running_loop().create_future()
        future.set_result(1)
        assert await future == 1
    ```

    ## Fix safety
    Unsafe (with `--fix --unsafe-fixes`), for an `async def` test or fixture
    that requests `event_loop` as a parameter: the parameter goes and each use
    of it becomes `asyncio.get_running_loop()` — the loop the coroutine runs
    in. Unsafe because requesting the fixture also ran it, and a fixture of
    your own may do more than hand out a loop. Not offered when a nested
    function or lambda uses `event_loop` (it may run where no loop runs), when
    the name is rebound, or for sync code and `usefixtures`.

    Otherwise by hand: to share a loop between tests use
    `@pytest.mark.asyncio(loop_scope=...)`, `@pytest_asyncio.fixture(loop_scope=...)`
    or `asyncio_default_test_loop_scope`; for a custom loop type use the
    `pytest_asyncio_loop_factories` hook (1.4+).

    ## pytest-asyncio versions
    Reported from 0.22. For 0.22–0.26 the message says "deprecated" (a
    `DeprecationWarning`, a failure under `filterwarnings = error`); from 1.0
    it says "removed": a request errors, and a fixture of your own does not
    control the loop. Not reported with `-p no:asyncio`.

    ## References
    - pytest-asyncio changelog 0.22/0.23 (deprecation) and 1.0.0 ("Removed the deprecated event_loop fixture").
    - pytest-asyncio docs: "How to change the event loop scope".
    """

    code = "ASL403"
    name = "event-loop-fixture"
    family = "loop"
    summary = "the event_loop fixture is redefined or requested (deprecated 0.22, removed 1.0)"
    fix_availability = "unsafe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        if "event_loop" not in ctx.source or not ctx.profile.asyncio_plugin_enabled:
            return
        if ctx.runner_context.other_runner and not ctx.runner_context.unseen_runner:
            return  # a harness or framework plugin that runs coroutines may own `event_loop`
        versions = versions_for(ctx)
        if not versions.asyncio_at_least(0, 22) or not versions.asyncio_installed:
            return
        version = versions.pytest_asyncio.version
        removed = versions.asyncio_at_least(1)
        for function, _ in _user_fixtures(ctx, "event_loop"):
            assert function.node is not None
            if removed:
                message = (
                    f"fixture `event_loop` ({function.name}): pytest-asyncio {version} has no `event_loop` "
                    "fixture any more (removed in 1.0), so yours does not control the loop tests run in; "
                    "use `loop_scope=` or the `pytest_asyncio_loop_factories` hook"
                )
            else:
                note = failure_note(ctx.profile, "DeprecationWarning", versions)
                message = (
                    "redefining the `event_loop` fixture is deprecated since pytest-asyncio 0.22 and "
                    f"removed in 1.0{note}; use `loop_scope=` or the `event_loop_policy` fixture"
                )
            yield self.finding(function.node.name, message)
        for function in ctx.model.functions:
            if function.node is None or not _is_requester(ctx, function):
                continue
            found = fixture_decorator(function, ctx.resolver)
            if found is not None and fixture_name(function, found) == "event_loop":
                continue
            for request in requested_fixtures(function, ctx.resolver) or ():
                if request.name == "event_loop":
                    info = resolve_fixture(ctx, "event_loop", function)
                    fix = event_loop_request_fix(ctx, function, request.node)
                    if fix is None and not function.is_async:
                        fix = manual_loop_fix(ctx, function)  # a sync test driving event_loop
                    yield self.finding(request.node, self._request_message(ctx, function, info, versions), fix)
        if not ctx.is_conftest:  # a conftest's pytestmark applies to nothing (ASL106)
            for where, cls, request in shared_usefixtures(ctx.resolver, ctx.profile):
                if request.name == "event_loop":
                    requester = next(iter(cls.methods.values()), None) if cls is not None else None
                    info = resolve_fixture(ctx, "event_loop", requester)
                    yield self.finding(request.node, self._shared_message(ctx, where, info, versions))
        for site in ctx.model.calls:
            if not site.callee.endswith("getfixturevalue") or not site.node.args:
                continue
            if string_value(site.node.args[0].value) != "event_loop":
                continue
            caller = enclosing_function(site.scope)
            if caller is None or not _is_requester(ctx, caller):
                continue
            info = resolve_fixture(ctx, "event_loop", caller)
            yield self.finding(site.node, self._request_message(ctx, caller, info, versions))

    def _shared_message(self, ctx: FileContext, where: str, info: FixtureInfo | None, versions: ProjectVersions) -> str:
        advice = "remove `event_loop` from it (in a coroutine, `asyncio.get_running_loop()` is the running loop)"
        if not versions.asyncio_at_least(1):
            note = failure_note(ctx.profile, "DeprecationWarning", versions)
            return (
                f'`usefixtures("event_loop")` on {where} requests the `event_loop` fixture for every test, '
                f"deprecated since pytest-asyncio 0.22 and removed in 1.0{note}; {advice}"
            )
        if info is None:
            return (
                f'`usefixtures("event_loop")` on {where} requests `event_loop`, which pytest-asyncio removed '
                f"in 1.0: with {versions.pytest_asyncio.version} each of its tests errors with "
                f"\"fixture 'event_loop' not found\"; {advice}"
            )
        return (
            f'`usefixtures("event_loop")` on {where} requests your own `event_loop` fixture '
            f"({info.where(ctx.index.root)}): pytest-asyncio's was removed in 1.0 and yours is not the loop "
            f"the tests run in; {advice}"
        )

    def _request_message(
        self, ctx: FileContext, function: FunctionScope, info: FixtureInfo | None, versions: ProjectVersions
    ) -> str:
        kind = "async def" if function.is_async else "def"
        version = versions.pytest_asyncio.version
        advice = (
            "use `asyncio.get_running_loop()` inside the coroutine"
            if function.is_async
            else ("make the test `async def` and use `asyncio.get_running_loop()`")
        )
        if not versions.asyncio_at_least(1):
            note = failure_note(ctx.profile, "DeprecationWarning", versions) if function.is_async else ""
            return (
                f"`{kind} {function.name}` requests the `event_loop` fixture, deprecated since "
                f"pytest-asyncio 0.22 and removed in 1.0{note}; {advice}"
            )
        if info is None:
            return (
                f"`{kind} {function.name}` requests `event_loop`, which pytest-asyncio removed in 1.0: "
                f"with {version} it errors with \"fixture 'event_loop' not found\"; {advice}"
            )
        return (
            f"`{kind} {function.name}` requests `event_loop`, your own fixture ({info.where(ctx.index.root)}): "
            f"pytest-asyncio's was removed in 1.0 and yours is not the loop the tests run in; {advice}"
        )


# --------------------------------------------------------------------------- ASL404
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
    family = "loop"
    summary = "asyncio.get_event_loop() inside async code"
    fix_availability = "safe"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if not site.callee or site.node.args or not in_async_function(site):
                continue
            if ctx.resolver.qualify(site.node.func, site.scope) not in tables.GET_EVENT_LOOP:
                continue
            function = enclosing_function(site.scope)
            assert function is not None and function.node is not None
            if inside_lambda(function.node, site.node):
                continue
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


# --------------------------------------------------------------------------- ASL405
_IGNORES_WARNINGS = re.compile(r"filterwarnings\(\s*[\"']ignore")


class EventLoopPolicyFixture(Rule):
    """
    ## What it does
    Flags a fixture named `event_loop_policy` defined by the user (overriding
    pytest-asyncio's own).

    ## Why is this bad?
    Overriding `event_loop_policy` was the way to choose the loop
    implementation (uvloop, a custom loop) from 0.23, but asyncio's policy
    system is itself deprecated (Python 3.14) and pytest-asyncio 1.4 deprecated
    the override: every session emits a `PytestDeprecationWarning` at setup —
    with `filterwarnings = error`, every test errors — and a future release
    will ignore the fixture.

    ## Example
    ```python
    import asyncio

    import pytest


    @pytest.fixture(scope="session")
    def event_loop_policy():
        return asyncio.DefaultEventLoopPolicy()
    ```

    ## Use instead
    ```python
    import asyncio


    def pytest_asyncio_loop_factories(config, item):
        return {"default": asyncio.new_event_loop}
    ```

    ## Fix safety
    No automatic fix: the `pytest_asyncio_loop_factories` hook (in a
    `conftest.py`) returns named loop factories instead of a policy.

    ## pytest-asyncio versions
    Reported from 1.4, where the override was deprecated; before 1.4 it is the
    recommended way and is not reported. Not reported with `-p no:asyncio`.

    ## References
    - pytest-asyncio changelog 1.4.0: "Overriding the event_loop_policy fixture is deprecated".
    - pytest-asyncio docs: "How to use custom event loop factories".
    """

    code = "ASL405"
    name = "event-loop-policy-fixture"
    family = "loop"
    summary = "a user-defined event_loop_policy fixture (deprecated in pytest-asyncio 1.4)"

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        if "event_loop_policy" not in ctx.source or not ctx.profile.asyncio_plugin_enabled:
            return
        versions = versions_for(ctx)
        if not versions.asyncio_at_least(1, 4) or not versions.asyncio_installed:
            return
        note = failure_note(ctx.profile, "PytestDeprecationWarning", versions)
        if note and _IGNORES_WARNINGS.search(ctx.source):
            note = ""  # the tests silence warnings with a filterwarnings mark: cannot tell
        elif note:
            note = f"{note} (every test errors at setup)"
        for function, _ in _user_fixtures(ctx, "event_loop_policy"):
            assert function.node is not None
            message = (
                "overriding the `event_loop_policy` fixture is deprecated since pytest-asyncio 1.4 "
                f"(PytestDeprecationWarning){note}; implement the `pytest_asyncio_loop_factories` hook"
            )
            yield self.finding(function.node.name, message)


RULES = (
    ManualEventLoop,
    NestedEventLoopRun,
    EventLoopFixture,
    GetEventLoopInCoroutine,
    EventLoopPolicyFixture,
)
