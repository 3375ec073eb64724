"""ASL106 ineffective-pytestmark: pytestmark in conftest.py (no effect) or as a tuple (collection error)."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import AFTER, BEFORE, FIRST_CHAR, LAST_CHAR, Finding, FixPlan, NodeEdit, Rule
from asynclint.semantics.context import FileContext


def _tuple_as_list(value: cst.Tuple) -> tuple[NodeEdit, ...] | None:
    """Edits turning a tuple into a list, keeping its items and their formatting: a
    parenthesis node owns the whitespace and comments inside it, so only its ``(`` / ``)``
    character is replaced."""
    if not value.lpar:
        return (NodeEdit(value, "[", BEFORE), NodeEdit(value, "]", AFTER))
    if len(value.lpar) == 1 and len(value.rpar) == 1:
        return (NodeEdit(value.lpar[0], "[", FIRST_CHAR), NodeEdit(value.rpar[0], "]", LAST_CHAR))
    return None


class IneffectivePytestmark(Rule):
    """
    ## What it does
    Flags a `pytestmark` that pytest ignores or rejects: one assigned in a
    `conftest.py`, and one whose value is a tuple (in a module or a class).

    ## Why is this bad?
    pytest reads `pytestmark` only from test modules and test classes; in a
    `conftest.py` it is an ordinary variable, so the marks it names (often
    `pytest.mark.asyncio`, meant for a whole folder) apply to nothing. A tuple
    is not accepted at all: pytest accepts a single mark or a list, and fails the
    whole module or class at collection with "TypeError: got (...) instead of
    Mark".

    ## Example
    ```python
    import pytest

    pytestmark = (pytest.mark.asyncio, pytest.mark.slow)


    async def test_ping():
        assert True
    ```

    ## Use instead
    ```python
    import pytest

    pytestmark = [pytest.mark.asyncio, pytest.mark.slow]


    async def test_ping():
        assert True
    ```

    ## Fix safety
    Safe for a tuple: it becomes a list with the same items. A `conftest.py`
    `pytestmark` has no fix: mark the tests' modules, or use
    `asyncio_mode = auto` / a `pytest_collection_modifyitems` hook.

    ## pytest-asyncio versions
    Independent of pytest-asyncio; pytest has rejected tuples and ignored
    conftest marks in every supported version.

    ## References
    - pytest docs: "Marking whole classes or modules" (`pytestmark`).
    """

    code = "ASL106"
    name = "ineffective-pytestmark"
    summary = "pytestmark in conftest.py (no effect) or as a tuple (collection error)"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    triggers = (b"pytestmark",)

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        conftest = ctx.is_conftest and not any(
            fnmatch.fnmatch("conftest.py", pattern) for pattern in ctx.profile.python_files
        )
        for value in ctx.model.module_pytestmark:
            yield from self._report(ctx, value, "module", conftest)
        if ctx.is_conftest:
            return
        for cls in ctx.model.classes:
            for value in cls.pytestmark:
                yield from self._report(ctx, value, f"class `{cls.name}`", False)

    def _report(self, ctx: FileContext, value: cst.BaseExpression, owner: str, conftest: bool) -> Iterator[Finding]:
        is_tuple = isinstance(value, cst.Tuple)
        if not (conftest or is_tuple):
            return
        fix = None
        if isinstance(value, cst.Tuple):
            edits = _tuple_as_list(value)
            if edits is not None:
                fix = FixPlan(Applicability.SAFE, "Use a list of marks", edits)
        if conftest:
            message = (
                "`pytestmark` in conftest.py has no effect: pytest reads it only from test modules "
                "and classes, so these marks apply to no test"
            )
            if is_tuple:
                message += " (and a tuple would be rejected anyway)"
        else:
            message = (
                f"`pytestmark` of the {owner} is a tuple: pytest accepts a mark or a list and fails "
                'collection with "TypeError: got (...) instead of Mark"; use a list'
            )
        yield self.finding(value, message, fix)
