"""ASL108 mark-on-fixture: a mark applied to a fixture: never effective."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.config.versions import versions_for
from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import ANY_COROUTINE_WORDS, Finding, Rule
from asynclint.rules.fixes import remove_decorator
from asynclint.semantics.collection import pytest9_error
from asynclint.semantics.context import FileContext, FileFacts
from asynclint.semantics.fixtures import fixture_rules_apply
from asynclint.semantics.pytest_items import fixture_decorator, mark_decorators


class MarkOnFixture(Rule):
    """
    ## What it does
    Flags a mark (`@pytest.mark.asyncio`, `@pytest.mark.usefixtures(...)`,
    `@pytest.mark.parametrize(...)`, any other) applied to a fixture, above or
    below its fixture decorator.

    ## Why is this bad?
    Marks apply to tests; on a fixture they have never had any effect. An
    `asyncio` mark does not make an async fixture run (that takes
    `@pytest_asyncio.fixture`), `usefixtures` does not request anything (request
    the fixture as a parameter), and `parametrize` does not parametrize (use
    `params=`). pytest 7.4–8.x warns ("Marks applied to fixtures have no
    effect"); pytest 9.0 refuses to import the module while that warning is an
    error (its default), and pytest 9.1 always ("Marks cannot be applied to
    fixtures").

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio
    @pytest.fixture
    def settings():
        return {"debug": True}


    def test_debug(settings):
        assert settings["debug"]
    ```

    ## Use instead
    ```python
    import pytest


    @pytest.fixture
    def settings():
        return {"debug": True}


    def test_debug(settings):
        assert settings["debug"]
    ```

    ## Fix safety
    Safe: the mark never had an effect; its decorator line is removed.

    ## pytest-asyncio versions
    Independent of pytest-asyncio. pytest warns since 7.4 (a
    `PytestRemovedIn9Warning` from 8.0); pytest 9.0 turns it into an error at
    import time (unless the project's `filterwarnings` silences it), and pytest
    9.1 fails the module whatever the filters say.

    ## References
    - pytest docs: deprecations, "Applying a mark to a fixture function".
    """

    code = "ASL108"
    name = "mark-on-fixture"
    summary = "a mark applied to a fixture: never effective"
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    # A mark may reach a fixture under any alias (``slow = pytest.mark.slow``): every word
    # the engine used to gate all rules with, beside the summary check in ``may_apply``.
    triggers = ANY_COROUTINE_WORDS

    @classmethod
    def may_apply(cls, facts: FileFacts) -> bool:
        """Also where none of its words appear: a fixture of the file carries a mark (seen in
        its summary)."""
        return super().may_apply(facts) or facts.cached(fixture_rules_apply)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for function in ctx.model.functions:
            if function.node is None or len(function.node.decorators) < 2:
                continue
            if fixture_decorator(function, ctx.resolver) is None:
                continue
            for decorator, mark in mark_decorators(function.node, function.parent, ctx.resolver):
                versions = versions or versions_for(ctx)
                advice = {
                    "asyncio": "use `@pytest_asyncio.fixture` to make pytest-asyncio run an async fixture",
                    "usefixtures": "request the fixtures as parameters of the fixture",
                    "parametrize": "use the fixture's `params=`",
                }.get(mark, "mark the tests instead")
                if versions.pytest_at_least(9, 1) or (versions.pytest_at_least(9) and pytest9_error(ctx, versions)):
                    effect = f"pytest {versions.pytest.version} fails the module at import"
                elif versions.pytest_at_least(7, 4):
                    effect = f"pytest {versions.pytest.version} warns it has no effect"
                else:
                    effect = "it has no effect"
                message = (
                    f"`@{ctx.code(decorator.decorator)}` on fixture `{function.name}`: marks do not apply "
                    f"to fixtures and {effect}; {advice}"
                )
                yield self.finding(decorator, message, remove_decorator(decorator, "Remove the mark"))
