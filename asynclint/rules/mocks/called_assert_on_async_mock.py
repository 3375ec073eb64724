"""ASL502 called-assert-on-async-mock: assert_called*/call_count on a mock of an async callable."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from asynclint.model import Applicability, FixAvailability
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import Scope, dotted, enclosing_function
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

# Async methods only the language calls (``async with``, ``async for``), and always awaits.
_PROTOCOL_AWAITED = frozenset({"__aenter__", "__aexit__", "__anext__"})
_CALLED_ONCE = frozenset({"assert_called_once", "assert_called_once_with"})
# Checks that establish the one call a later ``assert_called_once*`` says is still the only one.
_ONCE = _CALLED_ONCE | {"assert_awaited_once", "assert_awaited_once_with"}
_WATCHED = _ONCE | set(AWAIT_TWINS) | {"reset_mock"}


def _is_zero(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Integer) and node.value == "0"


class _Bookkeeping(cst.CSTVisitor):
    """What a file asserts about its mocks, per function, in source order: which ``call_count``
    reads say "never called" (``m.call_count == 0``, ``not m.call_count``,
    ``self.assertEqual(m.call_count, 0)``, also through a local: ``n = m.call_count`` ...
    ``assert n == 0``), and, per mock (as written), where its called-once checks
    and ``reset_mock()`` calls are."""

    def __init__(self, module: cst.Module) -> None:
        self.module = module
        self.functions: list[int] = [0]
        self.never_called: set[int] = set()
        self.zero_names: set[tuple[int, str]] = set()
        self.counted_into: dict[int, tuple[int, str]] = {}  # call_count read -> (function, local)
        self.where: dict[int, tuple[int, int, str]] = {}  # attribute -> (function, order, mock)
        self.uses: dict[tuple[int, str], list[tuple[int, str]]] = {}  # (function, mock) -> (order, what)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(id(node))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.functions.pop()

    def _zero_operands(self, operands: list[cst.BaseExpression]) -> None:
        if len(operands) == 2 and any(_is_zero(o) for o in operands):
            for operand in operands:
                if isinstance(operand, cst.Attribute):
                    self.never_called.add(id(operand))
                elif isinstance(operand, cst.Name):
                    self.zero_names.add((self.functions[-1], operand.value))

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self._zero_operands([node.left, *(c.comparator for c in node.comparisons)])

    def visit_UnaryOperation(self, node: cst.UnaryOperation) -> None:
        if isinstance(node.operator, cst.Not):
            if isinstance(node.expression, cst.Attribute):
                self.never_called.add(id(node.expression))
            elif isinstance(node.expression, cst.Name):
                self.zero_names.add((self.functions[-1], node.expression.value))

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
                        self.never_called.add(id(call.func))

    def visit_Call(self, node: cst.Call) -> None:
        """``self.assertEqual(m.call_count, 0)`` and its unittest relatives."""
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in _EQUALITY_ASSERTS and len(node.args) >= 2:
            self._zero_operands([node.args[0].value, node.args[1].value])

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            if isinstance(value, cst.Attribute) and value.attr.value == "call_count":
                self.counted_into[id(value)] = (self.functions[-1], node.targets[0].target.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        what = node.attr.value
        if what not in _WATCHED:
            return
        mock = self.module.code_for_node(node.value)
        function = self.functions[-1]
        order = len(self.where)
        self.where[id(node)] = (function, order, mock)
        self.uses.setdefault((function, mock), []).append((order, what))


def _raises_assertion_error(expr: cst.BaseExpression) -> bool:
    """``pytest.raises(AssertionError)`` (also ``raises(AssertionError, match=...)``)."""
    if not isinstance(expr, cst.Call) or dotted(expr.func).rpartition(".")[2] != "raises" or not expr.args:
        return False
    first = expr.args[0]
    return first.keyword is None and dotted(first.value) == "AssertionError"


def _bookkeeping(ctx: FileContext, scope: Scope) -> _Bookkeeping:
    """One walk of the function that asserts on an async mock (the module for module-level
    code): what it records is per function, and a walk of the whole file per file with a
    candidate cost more than the rest of the rule."""
    function = enclosing_function(scope)
    node: cst.CSTNode = function.node if function is not None and function.node is not None else ctx.model.module_node
    key = ("mock-bookkeeping", id(node))
    found = ctx.model.memo.get(key)
    if not isinstance(found, _Bookkeeping):
        found = _Bookkeeping(ctx.model.module_node)
        node.visit(found)
        ctx.model.memo[key] = found
    return found


def _honest(ctx: FileContext, attribute: cst.Attribute, scope: Scope) -> bool:
    """A called-check that says "never called" (stricter than "never awaited"):

    - ``call_count`` asserted to be 0 ("never called" is stricter than "never awaited"),
      also read into a local first (``n = m.call_count`` ... ``assert n == 0``), and
      ``m.assert_called*()`` expected to fail inside ``with pytest.raises(AssertionError):``;
    - a repeated ``assert_called_once*`` (no ``reset_mock()`` between): the earlier one
      (or an ``assert_awaited_once*``) established the call; this one says "not called
      again", where counting calls is the stricter form, like ``assert_not_called()``."""
    book = _bookkeeping(ctx, scope)
    what = attribute.attr.value
    if id(attribute) in book.never_called:
        return True  # also ``m.assert_called()`` expected to fail under ``pytest.raises(AssertionError)``
    if what == "call_count":
        local = book.counted_into.get(id(attribute))
        if local is not None and local in book.zero_names:
            return True
    place = book.where.get(id(attribute))
    if place is None:
        return False
    function, order, mock = place
    uses = book.uses.get((function, mock), [])
    if what in _CALLED_ONCE:
        earlier = [(o, use) for o, use in uses if o < order]
        last_reset = max((o for o, use in earlier if use == "reset_mock"), default=-1)
        return any(o > last_reset and use in _ONCE for o, use in earlier)
    return False


class CalledAssertOnAsyncMock(Rule):
    """
    ## What it does
    Flags `assert_called*` and `call_count` on a mock of an async callable: an
    `AsyncMock`, or what `patch`/`mocker.patch` create for an `async def`. Not
    flagged where the called-check says "never called": a call count asserted
    to be 0 (also through a local), a called-check expected to fail
    (`with pytest.raises(AssertionError)`), or an `assert_called_once*` after an
    earlier `assert_called_once*` or `assert_awaited_once*` on the same mock
    ("not called again"), and checks of `__aenter__`/`__aexit__`/`__anext__`, which
    only `async with`/`async for` call, and always await. A called-check beside an await check
    on the same mock is still reported: the check itself passes without an
    await, and the awaited form checks the same arguments.

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
            if isinstance(attribute.value, cst.Attribute) and attribute.value.attr.value in _PROTOCOL_AWAITED:
                continue  # ``lock.__aenter__.call_count``: ``async with`` awaits every call it makes
            value = ctx.resolver.values.infer(attribute.value, scope)
            if not isinstance(value, MockValue) or not value.awaitable:
                continue
            if _honest(ctx, attribute, scope):
                continue
            mock = ctx.code(attribute.value)
            message = (
                f"`{mock}.{attribute.attr.value}` counts calls, not awaits: it passes even if the "
                f"coroutine of `{mock}` was never awaited; use `{mock}.{twin}`"
            )
            fix = FixPlan(Applicability.SAFE, f"Use `{twin}`", (NodeEdit(attribute.attr, twin),))
            yield self.finding(attribute, message, fix)
