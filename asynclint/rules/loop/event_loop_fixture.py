"""ASL403 event-loop-fixture: the event_loop fixture is redefined or requested (deprecated 0.22, removed 1.0)."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.config.versions import ProjectVersions, failure_note, versions_for
from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, Rule
from asynclint.rules.loop.manual_event_loop_fix import event_loop_request_fix, manual_loop_fix
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import FunctionScope, enclosing_function, string_value
from asynclint.semantics.fixtures import FixtureInfo, resolve_fixture, user_fixtures
from asynclint.semantics.pytest_items import (
    collected_test,
    fixture_decorator,
    fixture_name,
    requested_fixtures,
    shared_usefixtures,
)


def _runs_coroutines(ctx: FileContext) -> bool:
    """Whether this file holds a coroutine test or an async fixture: the code a loop fixture
    named `event_loop` could have been meant for. A test module without any is sync code
    that drives a loop of its own, and since pytest-asyncio 1.0 the name means nothing."""
    for function in ctx.model.functions:
        if not function.is_async or function.node is None:
            continue
        if fixture_decorator(function, ctx.resolver) is not None:
            return True
        if collected_test(function, ctx.resolver, ctx.profile) is not None:
            return True
    return False


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
    `pytestmark`, or with `request.getfixturevalue`). From pytest-asyncio 1.0
    on, not a test module's own `event_loop` fixture when the module holds no
    coroutine test or async fixture: its sync tests drive that loop
    themselves, and the name no longer means anything to the plugin.

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
    summary = "the event_loop fixture is redefined or requested (deprecated 0.22, removed 1.0)"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    triggers = (b"event_loop",)

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
        # Since 1.0 an `event_loop` fixture of a test module with no coroutine in it is a plain
        # fixture its sync tests drive themselves; a conftest's may be meant for the whole tree.
        own_sync_loop = removed and not ctx.is_conftest and not _runs_coroutines(ctx)
        for function, _ in () if own_sync_loop else user_fixtures(ctx, "event_loop"):
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
                    if own_sync_loop and info is not None and info.function is not None and not function.is_async:
                        continue  # the module's own sync loop fixture, driven by sync code
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
