"""ASL107 deprecated-mark-argument: asyncio mark with scope=, positional or unknown arguments."""

from __future__ import annotations

from collections.abc import Iterator

from asynclint.config.versions import ProjectVersions, failure_note, versions_for
from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.semantics.context import FileContext
from asynclint.semantics.pytest_items import mark_name

_MARK_KEYWORDS = (
    ((1, 4), {"loop_scope", "scope", "loop_factories"}),
    ((0, 24), {"loop_scope", "scope"}),
    ((0, 23), {"scope"}),
)


def _allowed_mark_keywords(versions: ProjectVersions) -> set[str] | None:
    for version, keywords in _MARK_KEYWORDS:
        if versions.asyncio_at_least(*version):
            return keywords
    return None  # before 0.23 the mark's arguments were ignored


class DeprecatedMarkArgument(Rule):
    """
    ## What it does
    Flags `@pytest.mark.asyncio(...)` arguments pytest-asyncio deprecates or
    rejects: `scope=` (deprecated in favour of `loop_scope=`), both `scope=` and
    `loop_scope=`, positional arguments, and keywords it does not know.

    ## Why is this bad?
    `scope=` still works but emits a `PytestDeprecationWarning` (a failure
    under `filterwarnings = error`) and will stop working. The other forms are
    errors: pytest-asyncio fails the module at collection ("mark.asyncio accepts
    only keyword arguments ...", "defines both \\"scope\\" and \\"loop_scope\\"").

    ## Example
    ```python
    import pytest


    @pytest.mark.asyncio(scope="module")
    async def test_ping():
        assert True
    ```

    ## Use instead
    ```python
    import pytest


    @pytest.mark.asyncio(loop_scope="module")
    async def test_ping():
        assert True
    ```

    ## Fix safety
    Safe for a lone `scope=`: it is renamed to `loop_scope=`, which means the
    same. The other forms need a decision and have no fix.

    ## pytest-asyncio versions
    `scope=` was introduced in 0.23 and deprecated in 0.24, when `loop_scope=`
    replaced it: before 0.24 it is not reported. Positional arguments and
    unknown keywords are rejected since 0.23; `loop_factories=` exists from 1.4.

    ## References
    - pytest-asyncio changelog 0.24: "Deprecates the scope argument of the asyncio marker".
    """

    code = "ASL107"
    name = "deprecated-mark-argument"
    summary = "asyncio mark with scope=, positional or unknown arguments"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    triggers = (b"asyncio",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        versions = None
        for site in ctx.model.calls:
            if not site.callee.endswith("mark.asyncio") or not site.node.args:
                continue
            if mark_name(site.node.func, site.scope, ctx.resolver) != "asyncio":
                continue
            args = site.node.args
            if any(arg.star for arg in args):
                continue
            versions = versions or versions_for(ctx)
            allowed = _allowed_mark_keywords(versions)
            if allowed is None or not versions.asyncio_installed:
                continue
            version = versions.pytest_asyncio.version
            keywords = {arg.keyword.value: arg for arg in args if arg.keyword is not None}
            positional = [arg for arg in args if arg.keyword is None]
            unknown = sorted(set(keywords) - allowed)
            if positional or unknown:
                what = "positional arguments" if positional else f"`{unknown[0]}=`"
                message = (
                    f"`mark.asyncio` does not accept {what}: pytest-asyncio {version} fails the module "
                    f"at collection; pass `{'loop_scope' if 'loop_scope' in allowed else 'scope'}=` by keyword"
                )
                yield self.finding(site.node, message)
            elif "scope" in keywords and "loop_scope" in keywords:
                message = (
                    "`mark.asyncio` with both `scope=` and `loop_scope=`: pytest-asyncio "
                    f"{version} fails the module at collection; keep only `loop_scope=`"
                )
                yield self.finding(site.node, message)
            elif "scope" in keywords and "loop_scope" in allowed:
                note = failure_note(ctx.profile, "PytestDeprecationWarning", versions)
                message = (
                    "`scope=` of `mark.asyncio` is deprecated since pytest-asyncio 0.24 "
                    f"(PytestDeprecationWarning){note}; use `loop_scope=`"
                )
                keyword = keywords["scope"].keyword
                assert keyword is not None
                fix = FixPlan(
                    Applicability.SAFE, "Rename `scope=` to `loop_scope=`", (NodeEdit(keyword, "loop_scope"),)
                )
                yield self.finding(site.node, message, fix)
