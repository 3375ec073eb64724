"""ASL102 async-fixture-sync-decorator: an async fixture declared with @pytest.fixture, ignored in strict mode."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import libcst as cst

from asynclint.config.versions import ProjectVersions, versions_for
from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import AFTER, Finding, FixPlan, NodeEdit, Rule
from asynclint.rules.fixes import module_reference
from asynclint.rules.messages import coroutine_word
from asynclint.semantics.collection import pytest9_error
from asynclint.semantics.context import FileContext
from asynclint.semantics.fixtures import other_async_plugin, strict_mode_handles_nothing
from asynclint.semantics.pytest_items import FixtureDecorator, fixture_decorator, other_decorators


def _loop_scope_edit(call: cst.Call | None) -> NodeEdit | None | Literal[False]:
    """``loop_scope=`` equal to a wider ``scope=``; False when the scope is not a literal.

    pytest-asyncio runs a fixture in the loop of its ``loop_scope``. Left out, that is the
    fixture's own scope while ``asyncio_default_fixture_loop_scope`` is unset, but
    ``function`` where a project sets it so: a module-scoped fixture would then request the
    function-scoped loop and fail with a ScopeMismatch. Spelling it out keeps the fix right
    under either config.
    """
    if call is None:
        return None
    keywords = {arg.keyword.value: arg for arg in call.args if arg.keyword is not None}
    scope = keywords.get("scope")
    if scope is None or "loop_scope" in keywords:
        return None
    if not isinstance(scope.value, cst.SimpleString):
        return False  # a callable or computed scope: which loop it needs is unknown
    if scope.value.evaluated_value == "function":
        return None
    return NodeEdit(scope.value, f", loop_scope={scope.value.value}", AFTER)


class AsyncFixtureSyncDecorator(Rule):
    """
    ## What it does
    Flags `@pytest.fixture` on an `async def` fixture (a coroutine or an async
    generator) when pytest-asyncio runs in strict mode, its default.

    ## Why is this bad?
    In strict mode pytest-asyncio only runs async fixtures declared with
    `@pytest_asyncio.fixture`; it leaves the others to pytest, which cannot run
    them. Every test that requests the fixture receives a coroutine (or async
    generator) object instead of its value, and the fixture's code — setup and
    teardown — never runs. pytest-asyncio warns about it from 0.25, pytest 8.4
    warns, and pytest 9 errors at setup ("requested an async fixture ... with no
    plugin or hook that handled it"), even for `@pytest.mark.asyncio` tests.

    ## Example
    ```python
    import pytest


    @pytest.fixture
    async def database():
        return {"users": 1}


    @pytest.mark.asyncio
    async def test_users(database):
        assert database["users"] == 1
    ```

    ## Use instead
    ```python
    import pytest
    import pytest_asyncio


    @pytest_asyncio.fixture
    async def database():
        return {"users": 1}


    @pytest.mark.asyncio
    async def test_users(database):
        assert database["users"] == 1
    ```

    ## Fix safety
    Safe: the decorator becomes `@pytest_asyncio.fixture` with the same
    arguments (`scope=`, `params=`, `autouse=`, `name=` ...), and
    `import pytest_asyncio` is added when missing. A fixture wider than
    `function` also gets `loop_scope=` equal to its scope (pytest-asyncio
    >= 0.24): where the project sets `asyncio_default_fixture_loop_scope =
    function`, it would otherwise request the function's loop and fail with a
    ScopeMismatch. No fix when the scope is computed.

    ## pytest-asyncio versions
    Strict mode exists since 0.17 and is the default since 0.19 (0.17/0.18
    defaulted to legacy mode, which ran every async fixture). In auto mode this
    rule does not apply, nor when anyio or trio (which run plain async fixtures
    for their own tests) are in use in the file, its conftests or plugins.

    ## References
    - pytest-asyncio docs: "Concepts — test discovery modes", "Decorators".
    - pytest docs: deprecations, "sync test depending on async fixture".
    """

    code = "ASL102"
    name = "async-fixture-sync-decorator"
    summary = "an async fixture declared with @pytest.fixture, ignored in strict mode"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    triggers = (b"async",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        candidates = [f for f in ctx.model.functions if f.is_async]
        if not candidates:
            return
        versions = versions_for(ctx)
        if not strict_mode_handles_nothing(ctx, versions) or other_async_plugin(ctx) is not None:
            return
        for function in candidates:
            found = fixture_decorator(function, ctx.resolver)
            if found is None or not found.is_plain_pytest:
                continue
            if other_decorators(function, ctx.resolver):
                continue  # another decorator may hand pytest something else than the coroutine
            text = ctx.code(found.target)
            if pytest9_error(ctx, versions):
                effect = f"pytest {versions.pytest.version} errors at setup of every test that requests it"
            elif versions.pytest_at_least(8, 4):
                effect = (
                    f"requesters receive {coroutine_word(function.kind)} and pytest {versions.pytest.version} warns"
                )
            else:
                effect = f"requesters receive {coroutine_word(function.kind)} instead of its value"
            message = (
                f"`@{text}` on `async def {function.name}`: pytest-asyncio ignores it in strict mode, "
                f"so the fixture never runs and {effect}; use `@pytest_asyncio.fixture`"
            )
            yield self.finding(found.decorator, message, self._fix(ctx, found, versions))

    def _fix(self, ctx: FileContext, found: FixtureDecorator, versions: ProjectVersions) -> FixPlan | None:
        module_name, imports = module_reference(ctx, "pytest_asyncio", needed_by=found.decorator)
        if not module_name:
            return None
        edits = [NodeEdit(found.target, f"{module_name}.fixture")]
        if versions.asyncio_at_least(0, 24):
            loop_scope = _loop_scope_edit(found.call)
            if loop_scope is False:
                return None
            if loop_scope is not None:
                edits.append(loop_scope)
        return FixPlan(Applicability.SAFE, "Use `@pytest_asyncio.fixture`", tuple(edits), imports)
