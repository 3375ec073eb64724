"""ASL502 called-assert-on-async-mock: assert_called*/call_count on a mock of an async callable."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import Scope, dotted
from asynclint.semantics.values import MockValue

# Call bookkeeping that passes even when the coroutine was never awaited, and its await twin.
AWAIT_TWINS = {
    "assert_called": "assert_awaited",
    "assert_called_once": "assert_awaited_once",
    "assert_called_with": "assert_awaited_with",
    "assert_called_once_with": "assert_awaited_once_with",
    "call_count": "await_count",
}


_EQUALITY_ASSERTS = frozenset({"assertEqual", "assertEquals", "assert_equal"})


class _NeverCalledChecks(cst.CSTVisitor):
    """``m.call_count == 0`` / ``0 == m.call_count`` / ``not m.call_count`` /
    ``self.assertEqual(m.call_count, 0)``, and ``m.assert_called*()`` expected to fail
    inside ``with pytest.raises(AssertionError):``."""

    def __init__(self) -> None:
        self.found: set[int] = set()

    def visit_Comparison(self, node: cst.Comparison) -> None:
        operands = [node.left, *(c.comparator for c in node.comparisons)]
        if len(operands) == 2 and any(isinstance(o, cst.Integer) and o.value == "0" for o in operands):
            self.found.update(id(o) for o in operands if isinstance(o, cst.Attribute))

    def visit_UnaryOperation(self, node: cst.UnaryOperation) -> None:
        if isinstance(node.operator, cst.Not) and isinstance(node.expression, cst.Attribute):
            self.found.add(id(node.expression))

    def visit_With(self, node: cst.With) -> None:
        """``with pytest.raises(AssertionError): m.assert_called()``: "not called" checks."""
        if not any(_raises_assertion_error(item.item) for item in node.items):
            return
        if not isinstance(node.body, cst.IndentedBlock):
            return
        for statement in node.body.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                call = small.value if isinstance(small, cst.Expr) else None
                if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute):
                    if call.func.attr.value.startswith("assert_called"):
                        self.found.add(id(call.func))

    def visit_Call(self, node: cst.Call) -> None:
        """``self.assertEqual(m.call_count, 0)`` and its unittest relatives."""
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in _EQUALITY_ASSERTS and len(node.args) >= 2):
            return
        operands = [node.args[0].value, node.args[1].value]
        if any(isinstance(o, cst.Integer) and o.value == "0" for o in operands):
            self.found.update(id(o) for o in operands if isinstance(o, cst.Attribute))


def _raises_assertion_error(expr: cst.BaseExpression) -> bool:
    """``pytest.raises(AssertionError)`` (also ``raises(AssertionError, match=...)``)."""
    if not isinstance(expr, cst.Call) or dotted(expr.func).rpartition(".")[2] != "raises" or not expr.args:
        return False
    first = expr.args[0]
    return first.keyword is None and dotted(first.value) == "AssertionError"


def _never_called_checks(ctx: FileContext) -> set[int]:
    """Ids of ``call_count`` reads and ``assert_called*`` attributes that assert the mock was
    never called (one walk per file, only in files with a finding candidate)."""
    key = ("never-called", 0)
    found = ctx.model.memo.get(key)
    if not isinstance(found, set):
        visitor = _NeverCalledChecks()
        ctx.model.module_node.visit(visitor)
        found = ctx.model.memo[key] = visitor.found
    return found


class CalledAssertOnAsyncMock(Rule):
    """
    ## What it does
    Flags `assert_called*` and `call_count` on a mock of an async callable: an
    `AsyncMock`, or what `patch`/`mocker.patch` create for an `async def`.

    ## Why is this bad?
    Calling an `AsyncMock` counts as a call even if the coroutine it returns is
    never awaited. `assert_called_once()` therefore passes on code that forgot
    the `await` — the exact bug the test should catch.

    ## Example
    ```python
    from unittest.mock import AsyncMock


    def test_notifies():
        notify = AsyncMock()
        notify("x")
        notify.assert_called_once_with("x")
    ```

    ## Use instead
    ```python
    from unittest.mock import AsyncMock

    import pytest


    @pytest.mark.asyncio
    async def test_notifies():
        notify = AsyncMock()
        await notify("x")
        notify.assert_awaited_once_with("x")
    ```

    ## Fix safety
    Safe: the assertion becomes its await twin (`assert_awaited*`, `await_count`).

    ## pytest-asyncio versions
    Independent of pytest-asyncio.

    ## References
    - Python docs: `unittest.mock.AsyncMock.assert_awaited`.
    """

    code = "ASL502"
    name = "called-assert-on-async-mock"
    summary = "assert_called*/call_count on a mock of an async callable"
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.SAFE
    triggers = (b"Mock", b"patch")

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        accesses: list[tuple[cst.Attribute, Scope]] = list(ctx.model.attribute_reads)
        for site in ctx.model.calls:
            func = site.node.func
            if isinstance(func, cst.Attribute) and func.attr.value in AWAIT_TWINS:
                accesses.append((func, site.scope))
        for attribute, scope in accesses:
            twin = AWAIT_TWINS.get(attribute.attr.value)
            if twin is None:
                continue
            value = ctx.resolver.values.infer(attribute.value, scope)
            if not isinstance(value, MockValue) or not value.awaitable:
                continue
            if id(attribute) in _never_called_checks(ctx):
                continue  # "never called" is stricter than "never awaited"
            mock = ctx.code(attribute.value)
            message = (
                f"`{mock}.{attribute.attr.value}` counts calls, not awaits: it passes even if the "
                f"coroutine of `{mock}` was never awaited; use `{mock}.{twin}`"
            )
            fix = FixPlan(Applicability.SAFE, f"Use `{twin}`", (NodeEdit(attribute.attr, twin),))
            yield self.finding(attribute, message, fix)
