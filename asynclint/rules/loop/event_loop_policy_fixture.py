"""ASL405 event-loop-policy-fixture: a user-defined event_loop_policy fixture (deprecated in pytest-asyncio 1.4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from asynclint.config.versions import failure_note, versions_for
from asynclint.rules.base import Finding, Rule
from asynclint.semantics.context import FileContext
from asynclint.semantics.fixtures import user_fixtures

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
    summary = "a user-defined event_loop_policy fixture (deprecated in pytest-asyncio 1.4)"
    triggers = (b"event_loop",)

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
        for function, _ in user_fixtures(ctx, "event_loop_policy"):
            assert function.node is not None
            message = (
                "overriding the `event_loop_policy` fixture is deprecated since pytest-asyncio 1.4 "
                f"(PytestDeprecationWarning){note}; implement the `pytest_asyncio_loop_factories` hook"
            )
            yield self.finding(function.node.name, message)
