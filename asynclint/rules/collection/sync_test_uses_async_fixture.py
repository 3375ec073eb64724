"""ASL109 sync-test-uses-async-fixture: a sync test or fixture requests an async fixture no plugin runs."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.config.versions import versions_for
from asynclint.rules.base import Finding, Rule
from asynclint.rules.messages import coroutine_word
from asynclint.semantics.collection import collected_plain_test, plain_decorators_only, pytest9_error
from asynclint.semantics.context import FileContext, FileFacts
from asynclint.semantics.fixtures import (
    fixture_rules_apply,
    other_async_plugin,
    resolve_fixture,
    strict_mode_handles_nothing,
)
from asynclint.semantics.pytest_items import fixture_decorator, other_decorators, requested_fixtures


class SyncTestUsesAsyncFixture(Rule):
    """
    ## What it does
    Flags a sync test or sync fixture that requests an async fixture which no
    plugin runs: pytest-asyncio is in strict mode and the fixture is declared
    with plain `@pytest.fixture`. The fixture is found the way pytest finds it:
    the test's class, its module, the `conftest.py` files up to the rootdir, and
    `pytest_plugins`.

    ## Why is this bad?
    Nobody awaits the fixture: the test receives a coroutine (or async
    generator) object where it expects a value, and the fixture's setup and
    teardown never run. pytest 8.4 warns; pytest 9 errors at setup ("requested
    an async fixture ... with no plugin or hook that handled it").

    ## Example
    ```python
    import pytest


    @pytest.fixture
    async def token():
        return "secret"


    def test_token(token):
        assert token == "secret"
    ```

    ## Use instead
    ```python
    import pytest
    import pytest_asyncio


    @pytest_asyncio.fixture
    async def token():
        return "secret"


    def test_token(token):
        assert token == "secret"
    ```

    ## Fix safety
    No automatic fix: either declare the fixture with `@pytest_asyncio.fixture`
    (which pytest-asyncio runs for sync tests too) — ASL102 offers that where the
    fixture is defined — or make the test `async def`.

    ## pytest-asyncio versions
    Strict mode only (the default since 0.19); in auto mode pytest-asyncio runs
    every async fixture. Not reported when anyio or trio may run the fixture.

    ## References
    - pytest docs: deprecations, "sync test depending on async fixture".
    - pytest-asyncio docs: "Decorators".
    """

    code = "ASL109"
    name = "sync-test-uses-async-fixture"
    summary = "a sync test or fixture requests an async fixture no plugin runs"
    triggers = (b"async",)

    @classmethod
    def may_apply(cls, facts: FileFacts) -> bool:
        """Also where none of its words appear: a parameter is named like an async fixture
        of the conftest chain or plugins."""
        return super().may_apply(facts) or facts.cached(fixture_rules_apply)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for function in ctx.model.functions:
            if function.is_async:
                continue
            fixture = fixture_decorator(function, ctx.resolver)
            if fixture is None:
                if collected_plain_test(ctx, function) is None or not plain_decorators_only(ctx, function):
                    continue
                what = "test"
            else:
                if other_decorators(function, ctx.resolver):
                    continue
                what = "fixture"
            requests = requested_fixtures(function, ctx.resolver)
            if not requests:
                continue
            if versions is None:
                versions = versions_for(ctx)
                if not strict_mode_handles_nothing(ctx, versions) or other_async_plugin(ctx) is not None:
                    return
            for request in requests:
                info = resolve_fixture(ctx, request.name, function)
                if info is None or not info.is_async or not info.is_plain_pytest or info.extra_decorators:
                    continue
                if other_async_plugin(ctx, info) is not None:
                    continue
                where = info.where(ctx.index.root)
                if pytest9_error(ctx, versions):
                    effect = f"pytest {versions.pytest.version} errors at setup"
                else:
                    effect = f"it receives {coroutine_word(info.kind)}"
                message = (
                    f"sync {what} `{function.name}` requests `{request.name}`, an async fixture "
                    f"declared with plain `@pytest.fixture` ({where}) that no plugin runs in strict mode: "
                    f"{effect}; declare it with `@pytest_asyncio.fixture`"
                )
                yield self.finding(request.node, message)
