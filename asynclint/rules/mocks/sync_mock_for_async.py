"""ASL501 sync-mock-for-async: a synchronous Mock replaces an async callable."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from asynclint.model import Applicability, FixAvailability, ImportRequest
from asynclint.rules.base import Finding, FixPlan, NodeEdit, Rule
from asynclint.semantics import tables
from asynclint.semantics.ancestry import ancestors
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import (
    Scope,
    dotted,
    enclosing_function,
    keyword_value,
    positional_value,
    string_value,
)
from asynclint.semantics.pytest_items import collected_test
from asynclint.semantics.resolve import COROUTINE, Callee
from asynclint.semantics.values import Instance

# Keywords that make a Mock awaitable-compatible or not ours to judge.
_UNSURE_KEYWORDS = frozenset({"spec", "spec_set", "wraps", "side_effect", "unsafe"})


_LITERALS = (
    cst.Integer,
    cst.Float,
    cst.Imaginary,
    cst.SimpleString,
    cst.ConcatenatedString,
    cst.FormattedString,
    cst.List,
    cst.Tuple,
    cst.Dict,
    cst.Set,
)


@dataclass(frozen=True)
class Replacement:
    """A mock put in place of ``target`` (value is the mock expression)."""

    value: cst.BaseExpression
    target: Callee
    target_text: str
    is_class: bool  # the mock class itself (new_callable=Mock, new=Mock)
    scope: Scope  # where the replacement happens


def sync_mock_class(ctx: FileContext, expr: cst.BaseExpression, scope: Scope) -> str | None:
    """``Mock``/``MagicMock``... when ``expr`` names one of unittest.mock's sync mock classes
    (also as pytest-mock's ``mocker.MagicMock``)."""
    if not isinstance(expr, (cst.Name, cst.Attribute)):
        return None
    qualname = ctx.resolver.qualify(expr, scope)
    module, _, name = qualname.rpartition(".")
    if module in tables.MOCK_MODULES and name in tables.SYNC_MOCK_CLASSES:
        return name
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
        head, name = expr.value.value, expr.attr.value
        binding = ctx.resolver.lookup(head, scope)
        if head in tables.MOCKER_FIXTURES and binding is not None and binding.kind == "param":
            return name if name in tables.SYNC_MOCK_CLASSES else None
    return None


def is_sync_mock(ctx: FileContext, expr: cst.BaseExpression, scope: Scope) -> bool:
    """A plain ``Mock(...)`` whose call result cannot be awaited."""
    if not isinstance(expr, cst.Call) or sync_mock_class(ctx, expr.func, scope) is None:
        return False
    if any(a.keyword is None for a in expr.args):
        return False  # first positional argument is a spec
    if any(a.keyword is not None and a.keyword.value in _UNSURE_KEYWORDS for a in expr.args):
        return False
    return_value = keyword_value(expr, "return_value")
    return return_value is None or _is_plain_value(return_value) or _plain_instance(ctx, return_value, scope)


def _plain_instance(ctx: FileContext, value: cst.BaseExpression, scope: Scope) -> bool:
    """An instance of a project class that cannot be awaited (no ``__await__``): a mock that
    returns it hands back a value, not an awaitable (``MagicMock(return_value=order)``)."""
    found = ctx.resolver.values.infer(value, scope)
    if not isinstance(found, Instance) or found.mock:
        return False
    return ctx.resolver.values.method_facts(found.cls, "__await__") is None and not _may_be_awaitable(ctx, found)


def _may_be_awaitable(ctx: FileContext, instance: Instance) -> bool:
    """A class whose ancestry asynclint cannot read in full might define ``__await__``."""
    cls = instance.cls
    if cls.local is not None:
        found = ancestors(cls.local, ctx.resolver)
        return found is None or any(a.external and a.qualname not in _PLAIN_BASES for a in found)
    assert cls.symbol is not None and cls.symbol.cls is not None
    return any(
        isinstance(a, str) and a not in _PLAIN_BASES
        for a in ctx.index.class_ancestry(cls.symbol.module, cls.symbol.cls)
    )


# Library bases whose instances are never awaitable.
_PLAIN_BASES = frozenset(
    {
        "object",
        "typing.NamedTuple",
        "enum.Enum",
        "dict",
        "list",
        "str",
        "int",
        "Exception",
        "pydantic.BaseModel",
        "dataclasses.dataclass",
        "typing.TypedDict",
    }
)


def _is_plain_value(value: cst.BaseExpression) -> bool:
    """A literal (or None/True/False): a ``return_value`` of it is never awaitable."""
    if isinstance(value, _LITERALS):
        return True
    return isinstance(value, cst.Name) and value.value in ("None", "True", "False")


def configured_later(ctx: FileContext, reference: str, scope: Scope) -> bool:
    """``reference.return_value = fut`` / ``reference.side_effect = coro_fn`` in the same scope:
    the sync mock was made to hand back an awaitable (a Future, a coroutine), which works
    (aiohttp's suite does this)."""
    for assignment in ctx.model.attribute_assignments:
        target = assignment.target
        if assignment.scope is not scope or target.attr.value not in ("return_value", "side_effect"):
            continue
        if ctx.code(target.value) != reference:
            continue
        if target.attr.value == "side_effect" or not _is_plain_value(assignment.value):
            return True
    return False


def _bound_name(ctx: FileContext, call: cst.Call, scope: Scope) -> str | None:
    """The name ``with patch(..., new=Mock()) as m`` / ``m = patch.object(...)`` binds."""
    for name, bindings in scope.bindings.items():
        if any(b.value is call for b in bindings):
            return name
    return None


def _mock_fixture_call(ctx: FileContext, func: cst.BaseExpression, scope: Scope) -> str | None:
    """``patch`` / ``patch.object`` / ``setattr`` when called on a mocker/monkeypatch fixture."""
    name = dotted(func)
    head, _, rest = name.partition(".")
    binding = ctx.resolver.lookup(head, scope)
    if binding is None or binding.kind != "param":
        return None
    if head in tables.MOCKER_FIXTURES and rest in ("patch", "patch.object"):
        return rest
    if head == "monkeypatch" and rest == "setattr":
        return "setattr"
    return None


def _patch_kind(ctx: FileContext, call: cst.Call, scope: Scope) -> str | None:
    qualname = ctx.resolver.qualify(call.func, scope)
    for module in tables.MOCK_MODULES:
        if qualname == f"{module}.patch":
            return "patch"
        if qualname == f"{module}.patch.object":
            return "patch.object"
    return _mock_fixture_call(ctx, call.func, scope)


def replacements(ctx: FileContext) -> Iterator[Replacement]:
    """Every mock the file puts in place of an async callable."""
    for site in ctx.model.calls:
        call = site.node
        kind = _patch_kind(ctx, call, site.scope)
        if kind is None:
            continue
        if kind == "patch":
            target_text = string_value(positional_value(call, 0))
            if target_text is None:
                continue
            target = ctx.resolver.resolve_target(target_text)
            new = keyword_value(call, "new") or positional_value(call, 1)
        elif kind == "patch.object":
            owner, attribute = positional_value(call, 0), string_value(positional_value(call, 1))
            if owner is None or attribute is None:
                continue
            target = ctx.resolver.resolve_attribute_target(owner, attribute, site.scope)
            target_text = f"{ctx.code(owner)}.{attribute}"
            new = keyword_value(call, "new") or positional_value(call, 2)
        else:  # monkeypatch.setattr
            first = positional_value(call, 0)
            as_path = string_value(first)
            if as_path is not None and "." in as_path and positional_value(call, 2) is None:
                target_text, target = as_path, ctx.resolver.resolve_target(as_path)
                new = positional_value(call, 1) or keyword_value(call, "value")
            else:
                attribute = string_value(positional_value(call, 1))
                if first is None or attribute is None:
                    continue
                target = ctx.resolver.resolve_attribute_target(first, attribute, site.scope)
                target_text = f"{ctx.code(first)}.{attribute}"
                new = positional_value(call, 2) or keyword_value(call, "value")
        if target.kind != COROUTINE:
            continue
        bound = _bound_name(ctx, call, site.scope)
        if bound is not None and configured_later(ctx, bound, site.scope):
            continue
        new_callable = keyword_value(call, "new_callable")
        if new is not None:
            if is_sync_mock(ctx, new, site.scope):
                yield Replacement(new, target, target_text, False, site.scope)
            elif sync_mock_class(ctx, new, site.scope):
                yield Replacement(new, target, target_text, True, site.scope)
        elif new_callable is not None and sync_mock_class(ctx, new_callable, site.scope):
            yield Replacement(new_callable, target, target_text, True, site.scope)
    for assignment in ctx.model.attribute_assignments:
        owner = assignment.target.value
        attribute = assignment.target.attr.value
        if not is_sync_mock(ctx, assignment.value, assignment.scope):
            continue
        if configured_later(ctx, ctx.code(assignment.target), assignment.scope):
            continue
        target = ctx.resolver.resolve_attribute_target(owner, attribute, assignment.scope)
        if target.kind == COROUTINE:
            yield Replacement(assignment.value, target, ctx.code(assignment.target), False, assignment.scope)


def _sync_test_without_loop(ctx: FileContext, scope: Scope) -> bool:
    """A plain ``def`` test that runs no loop: the sync code it calls can only hand the
    replaced coroutine function's result on (to a scheduler the test mocks too), never await
    it, so a sync ``Mock`` is the right stand-in there. Fixtures are not exempt: the tests
    that use them may be coroutines."""
    function = enclosing_function(scope)
    if function is None or function.is_async or ctx.is_conftest:
        return False
    if collected_test(function, ctx.resolver, ctx.profile) is None:
        return False
    return not any(
        enclosing_function(site.scope) is function and site.callee.rpartition(".")[2] in _LOOP_DRIVERS
        for site in ctx.model.calls
    )


_LOOP_DRIVERS = frozenset({"run", "run_until_complete", "run_forever"})

# Schedulers a test mocks to catch the coroutine a replaced async callable would hand them.
_SCHEDULERS = frozenset({"create_task", "ensure_future"})


def _patched_name(ctx: FileContext, call: cst.Call, scope: Scope) -> str | None:
    """The last name of what a ``patch``/``patch.object``/``mocker.patch``/
    ``monkeypatch.setattr`` call replaces (``"create_task"`` for
    ``patch.object(asyncio, "create_task")``), None for anything else."""
    kind = _patch_kind(ctx, call, scope)
    if kind is None:
        return None
    first, second = string_value(positional_value(call, 0)), string_value(positional_value(call, 1))
    if kind == "patch" or (kind == "setattr" and first is not None and "." in first and second is None):
        return first.rpartition(".")[2] if first else None
    return second


def _scheduler_mocked(ctx: FileContext) -> set[int]:
    """Ids of the functions (tests, fixtures) that mock ``asyncio.create_task`` /
    ``ensure_future`` (or a loop's): a patch in their body or on their decorators, or
    ``loop.create_task = Mock()``. One pass per file."""
    key = ("scheduler-mocked", 0)
    found = ctx.model.memo.get(key)
    if isinstance(found, set):
        return found
    mocked: set[int] = set()
    for site in ctx.model.calls:
        function = enclosing_function(site.scope)
        if function is not None and _patched_name(ctx, site.node, site.scope) in _SCHEDULERS:
            mocked.add(id(function))
    for assignment in ctx.model.attribute_assignments:
        function = enclosing_function(assignment.scope)
        if function is not None and assignment.target.attr.value in _SCHEDULERS:
            if sync_mock_class(ctx, assignment.value, assignment.scope) or is_sync_mock(
                ctx, assignment.value, assignment.scope
            ):
                mocked.add(id(function))
    for function in ctx.model.functions:
        if function.node is None or id(function) in mocked:
            continue
        for decorator in function.node.decorators:
            expr = decorator.decorator
            parent = function.parent or function
            if isinstance(expr, cst.Call) and _patched_name(ctx, expr, parent) in _SCHEDULERS:
                mocked.add(id(function))
    ctx.model.memo[key] = mocked
    return mocked


def _handed_to_mocked_scheduler(ctx: FileContext, scope: Scope) -> bool:
    """The same test (or fixture) mocks the scheduler: what the replaced coroutine function
    returns goes to a mock ``create_task``/``ensure_future`` and is never awaited, so a sync
    ``Mock`` is the right stand-in there (an ``AsyncMock`` would leave a coroutine nobody
    awaits)."""
    function = enclosing_function(scope)
    return function is not None and id(function) in _scheduler_mocked(ctx)


class SyncMockForAsync(Rule):
    """
    ## What it does
    Flags a `Mock`, `MagicMock` or `NonCallableMock` (instance or class) put in
    place of an `async def`: `patch(target, new=Mock())`, `patch(target, Mock())`,
    `patch(..., new_callable=MagicMock)`, `patch.object(obj, "name", Mock())`,
    `mocker.patch[.object](...)`, `monkeypatch.setattr(...)` and
    `obj.name = Mock()`, when the target resolves to a coroutine function. Not
    flagged in a plain `def` test that runs no loop, nor in a test that mocks
    `asyncio.create_task`/`ensure_future` too: the code it calls can only hand the
    coroutine on to that mock scheduler, never await it.

    ## Why is this bad?
    The code under test does `await fetch()`; a sync mock returns a plain
    `Mock`, and awaiting it raises `TypeError: object Mock can't be used in
    'await' expression` — or, when the test never reaches the await, the mock
    silently pretends the coroutine ran.

    ## Example
    ```python
    from unittest.mock import Mock, patch

    import pytest


    class Service:
        async def fetch(self):
            return 1


    @pytest.mark.asyncio
    async def test_fetch():
        with patch.object(Service, "fetch", Mock(return_value=2)):
            assert await Service().fetch() == 2
    ```

    ## Use instead
    ```python
    from unittest.mock import AsyncMock, patch

    import pytest


    class Service:
        async def fetch(self):
            return 1


    @pytest.mark.asyncio
    async def test_fetch():
        with patch.object(Service, "fetch", AsyncMock(return_value=2)):
            assert await Service().fetch() == 2
    ```

    ## Fix safety
    Safe: the mock class becomes `AsyncMock` (imported from `unittest.mock`
    when needed); its arguments are kept. `patch()` without `new` already
    creates an `AsyncMock` for an async target and is never flagged, nor are
    mocks built with `spec=`/`spec_set=`/`side_effect=`.

    ## pytest-asyncio versions
    Independent of pytest-asyncio; `AsyncMock` exists since Python 3.8.

    ## References
    - Python docs: `unittest.mock.AsyncMock`, `patch` ("if the patched object is an async function, AsyncMock is used").
    """

    code = "ASL501"
    name = "sync-mock-for-async"
    summary = "a synchronous Mock replaces an async callable"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    triggers = (b"Mock", b"patch", b"setattr")

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for replacement in replacements(ctx):
            if _sync_test_without_loop(ctx, replacement.scope) or _handed_to_mocked_scheduler(ctx, replacement.scope):
                continue
            mock_expr = replacement.value.func if isinstance(replacement.value, cst.Call) else replacement.value
            mock_name = ctx.code(mock_expr)
            where = f" ({replacement.target.definition})" if replacement.target.definition else ""
            message = (
                f"`{mock_name}` replaces `{replacement.target_text}`, a coroutine function{where}: "
                f"awaiting it raises TypeError; use `AsyncMock`"
            )
            yield self.finding(replacement.value, message, self._fix(ctx, mock_expr))

    def _fix(self, ctx: FileContext, mock_expr: cst.BaseExpression) -> FixPlan | None:
        if isinstance(mock_expr, cst.Attribute):
            return FixPlan(
                Applicability.SAFE,
                "Use `AsyncMock`",
                (NodeEdit(mock_expr.attr, "AsyncMock"),),
            )
        if not isinstance(mock_expr, cst.Name):
            return None
        bound = ctx.model.module.bindings.get("AsyncMock")
        imports: tuple[ImportRequest, ...] = ()
        if not bound:
            imports = (ImportRequest("unittest.mock", "AsyncMock"),)
        return FixPlan(Applicability.SAFE, "Use `AsyncMock`", (NodeEdit(mock_expr, "AsyncMock"),), imports)
