"""What pytest would make of a function: test, fixture, or neither, and its marks.

Mirrors pytest's own collection rules (``python_functions`` / ``python_classes``,
classes with ``__init__`` skipped, closest mark wins) so rules agree with what
really runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from asynclint.semantics import tables
from asynclint.semantics.filemodel import (
    ClassScope,
    FunctionScope,
    ModuleScope,
    Scope,
    dotted,
    keyword_arg,
    string_value,
)
from asynclint.semantics.resolve import Resolver, is_mark

if TYPE_CHECKING:  # pragma: no cover
    from asynclint.config.pytest_config import PytestProfile

UNITTEST_BASES = frozenset(
    {
        "unittest.TestCase",
        "unittest.case.TestCase",
        "unittest.IsolatedAsyncioTestCase",
        "unittest.async_case.IsolatedAsyncioTestCase",
        "asynctest.TestCase",
        "twisted.trial.unittest.TestCase",
        "aiohttp.test_utils.AioHTTPTestCase",
        "tornado.testing.AsyncTestCase",
        "tornado.testing.AsyncHTTPTestCase",
        "django.test.TestCase",
        "django.test.TransactionTestCase",
        "django.test.SimpleTestCase",
    }
)

UNKNOWN_MARKS: None = None


@dataclass(frozen=True)
class Marks:
    """Mark names found at one level; ``understood`` is False when a value could not be read."""

    names: frozenset[str]
    understood: bool = True

    def __or__(self, other: Marks) -> Marks:
        return Marks(self.names | other.names, self.understood and other.understood)


NO_MARKS = Marks(frozenset())


def mark_name(expr: cst.BaseExpression, scope: Scope | None, resolver: Resolver) -> str | None:
    """``asyncio`` for ``pytest.mark.asyncio`` / ``mark.asyncio(...)``; None when not a mark."""
    qualname = resolver.qualify(expr, scope)
    if qualname and is_mark(qualname):
        return qualname.rsplit(".", 1)[1]
    parts = dotted(expr).split(".")
    if len(parts) >= 2 and parts[-2] == "mark" and not qualname:
        return parts[-1]
    return None


def marks_in_value(value: cst.BaseExpression, scope: Scope | None, resolver: Resolver) -> Marks:
    """Marks in a ``pytestmark`` value: a mark, or a list of marks.

    A tuple is rejected by pytest at collection (ASL106): its marks never apply, so
    they are reported as not understood and the rules that need marks stay silent.
    """
    items = [e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple)) else [value]
    names: set[str] = set()
    for item in items:
        name = mark_name(item, scope, resolver)
        if name is None:
            return Marks(frozenset(names), understood=False)
        names.add(name)
    return Marks(frozenset(names), understood=not isinstance(value, cst.Tuple))


def decorator_marks(node: cst.FunctionDef | cst.ClassDef, scope: Scope | None, resolver: Resolver) -> Marks:
    names = set()
    understood = True
    for decorator in node.decorators:
        name = mark_name(decorator.decorator, scope, resolver)
        if name is None:
            continue
        names.add(name)
        if name == "parametrize" and _param_marks_runner(decorator.decorator, scope, resolver):
            understood = False
    return Marks(frozenset(names), understood)


def _param_marks_runner(expr: cst.BaseExpression, scope: Scope | None, resolver: Resolver) -> bool:
    """``pytest.param(..., marks=pytest.mark.asyncio)`` marks some cases only: stay unsure."""
    code = resolver.model.code(expr)
    return "marks" in code and any(m in code for m in tables.RUNNER_MARKS)


def module_marks(resolver: Resolver) -> Marks:
    result = NO_MARKS
    for value in resolver.model.module_pytestmark:
        result = result | marks_in_value(value, resolver.model.module, resolver)
    return result


def class_marks(cls: ClassScope, resolver: Resolver, depth: int = 0) -> Marks:
    """Marks of a class: its decorators, its ``pytestmark`` and those of its bases."""
    assert cls.node is not None
    result = decorator_marks(cls.node, cls.parent, resolver)
    for value in cls.pytestmark:
        result = result | marks_in_value(value, cls, resolver)
    if depth > 8:
        return result
    for base in cls.node.bases:
        base_name = dotted(base.value)
        binding = resolver.lookup(base_name.partition(".")[0], cls.parent)
        if binding is not None and binding.kind == "class" and binding.cls is not None and "." not in base_name:
            result = result | class_marks(binding.cls, resolver, depth + 1)
            continue
        qualname = resolver.qualify(base_name, cls.parent) if base_name else ""
        if qualname in ("object", "") and base_name == "object":
            continue
        symbol = resolver.resolve_qualname(qualname) if qualname else None
        if symbol is None or symbol.cls is None:
            continue  # external base: no marks we could know of (ancestry is checked elsewhere)
        marks = symbol.cls.marks
        result = result | (Marks(frozenset(marks)) if marks is not None else Marks(frozenset(), False))
        for ancestor in resolver.index.class_ancestry(symbol.module, symbol.cls):
            if not isinstance(ancestor, str) and ancestor.cls is not None:
                more = ancestor.cls.marks
                result = result | (Marks(frozenset(more)) if more is not None else Marks(frozenset(), False))
    return result


def item_marks(function: FunctionScope, cls: ClassScope | None, resolver: Resolver) -> Marks:
    """Every mark that reaches a test as pytest resolves them: the function's decorators
    (``pytest.param(..., marks=...)`` of a runner leaves them not understood), its class
    (decorators, ``pytestmark``, inherited from bases, also across modules) and the module
    ``pytestmark``. A conftest's ``pytestmark`` is never consulted: pytest ignores it."""
    assert function.node is not None
    marks = module_marks(resolver) | decorator_marks(function.node, function.parent, resolver)
    if cls is not None:
        marks = marks | class_marks(cls, resolver)
    return marks


def is_unittest_class(ancestry: list[str]) -> bool:
    return any(name in UNITTEST_BASES or name.endswith("TestCase") for name in ancestry)


def class_has_init(cls: ClassScope, resolver: Resolver) -> bool:
    if "__init__" in cls.methods or "__new__" in cls.methods:
        return True
    assert cls.node is not None
    for base in cls.node.bases:
        binding = resolver.lookup(dotted(base.value).partition(".")[0], cls.parent)
        if binding is not None and binding.kind == "class" and binding.cls is not None:
            if class_has_init(binding.cls, resolver):
                return True
    return False


@dataclass(frozen=True)
class TestItem:
    function: FunctionScope
    cls: ClassScope | None


def collected_test(function: FunctionScope, resolver: Resolver, profile: PytestProfile) -> TestItem | None:
    """The test pytest collects for ``function``, if it collects one."""
    if not profile.is_test_function_name(function.name):
        return None
    parent = function.parent
    if isinstance(parent, ModuleScope):
        return TestItem(function, None)
    if isinstance(parent, ClassScope) and isinstance(parent.parent, ModuleScope):
        if not profile.is_test_class_name(parent.name):
            return None
        return TestItem(function, parent)
    return None


# --------------------------------------------------------------------------- fixtures
PYTEST_FIXTURE_DECORATORS = frozenset({"pytest.fixture", "pytest.yield_fixture", "_pytest.fixtures.fixture"})
ASYNCIO_FIXTURE_DECORATORS = frozenset({"pytest_asyncio.fixture", "pytest_asyncio.plugin.fixture"})
_FIXTURE_WORDS = ("fixture", "yield_fixture")


@dataclass(frozen=True)
class FixtureDecorator:
    """The decorator that makes a function a fixture, and what it resolves to."""

    decorator: cst.Decorator
    target: cst.BaseExpression  # ``pytest.fixture`` without the call's arguments
    qualname: str  # "" when the name cannot be resolved
    call: cst.Call | None

    @property
    def is_plain_pytest(self) -> bool:
        return self.qualname in PYTEST_FIXTURE_DECORATORS

    @property
    def is_pytest_asyncio(self) -> bool:
        return self.qualname in ASYNCIO_FIXTURE_DECORATORS


def fixture_decorator(function: FunctionScope, resolver: Resolver) -> FixtureDecorator | None:
    assert function.node is not None
    for decorator in function.node.decorators:
        expr = decorator.decorator
        target = expr.func if isinstance(expr, cst.Call) else expr
        qualname = resolver.qualify(target, function.parent)
        if qualname and is_mark(qualname):
            continue
        last = (qualname or dotted(target)).rsplit(".", 1)[-1]
        if last in _FIXTURE_WORDS:
            return FixtureDecorator(decorator, target, qualname, expr if isinstance(expr, cst.Call) else None)
    return None


def fixture_name(function: FunctionScope, found: FixtureDecorator | None) -> str:
    """The name a fixture is requested by: ``name=`` of its decorator, else the function name."""
    arg = keyword_arg(found.call if found else None, "name")
    value = string_value(arg.value) if arg is not None else None
    return value or function.name


def mark_decorators(
    node: cst.FunctionDef | cst.ClassDef, scope: Scope | None, resolver: Resolver
) -> list[tuple[cst.Decorator, str]]:
    """Every decorator that is a pytest mark, with the mark's name."""
    found = []
    for decorator in node.decorators:
        name = mark_name(decorator.decorator, scope, resolver)
        if name is not None:
            found.append((decorator, name))
    return found


def other_decorators(function: FunctionScope, resolver: Resolver) -> list[cst.Decorator]:
    """Decorators that are neither marks nor the fixture decorator (they may change the function)."""
    assert function.node is not None
    fixture = fixture_decorator(function, resolver)
    return [
        d
        for d in function.node.decorators
        if (fixture is None or d is not fixture.decorator) and mark_name(d.decorator, function.parent, resolver) is None
    ]


def _argnames(value: cst.BaseExpression) -> list[str] | None:
    text = string_value(value)
    if text is not None:
        return [n.strip() for n in text.split(",") if n.strip()]
    if isinstance(value, (cst.List, cst.Tuple)):
        names = []
        for element in value.elements:
            item = string_value(element.value)
            if item is None:
                return None
            names.append(item.strip())
        return names
    return None


def parametrized_names(function: FunctionScope, resolver: Resolver) -> frozenset[str] | None:
    """Argument names given by ``parametrize`` on the function or its class (None: unreadable)."""
    assert function.node is not None
    nodes: list[tuple[cst.FunctionDef | cst.ClassDef, Scope | None]] = [(function.node, function.parent)]
    if function.owner_class is not None and function.owner_class.node is not None:
        nodes.append((function.owner_class.node, function.owner_class.parent))
    names: set[str] = set()
    for node, scope in nodes:
        for decorator, mark in mark_decorators(node, scope, resolver):
            if mark != "parametrize":
                continue
            call = decorator.decorator
            if not isinstance(call, cst.Call) or not call.args:
                return None
            first = keyword_arg(call, "argnames") or call.args[0]
            if first.keyword is not None and first.keyword.value != "argnames":
                return None
            found = _argnames(first.value)
            if found is None:
                return None
            names.update(found)
    return frozenset(names)


@dataclass(frozen=True)
class Request:
    """A fixture a test or fixture asks for, and the node that asks."""

    name: str
    node: cst.CSTNode


def requested_fixtures(function: FunctionScope, resolver: Resolver) -> list[Request] | None:
    """Fixtures requested by parameters and ``usefixtures`` marks (None: cannot tell)."""
    assert function.node is not None
    given = parametrized_names(function, resolver)
    if given is None:
        return None
    params = function.node.params
    ordered = [*params.posonly_params, *params.params]
    is_method = function.owner_class is not None and not any(
        dotted(d.decorator) == "staticmethod" for d in function.node.decorators
    )
    if is_method and ordered:
        ordered = ordered[1:]
    requests = [
        Request(p.name.value, p)
        for p in (*ordered, *params.kwonly_params)
        if p.default is None and p.name.value not in given and p.name.value != "request"
    ]
    for decorator in function.node.decorators:
        assert function.parent is not None  # a function is always defined in some scope
        requests.extend(_usefixtures_in(decorator.decorator, function.parent, resolver))
    return requests


def _usefixtures_in(expr: cst.BaseExpression, scope: Scope, resolver: Resolver) -> list[Request]:
    call = expr if isinstance(expr, cst.Call) else None
    if call is None or mark_name(call.func, scope, resolver) != "usefixtures":
        return []
    requests = []
    for arg in call.args:
        value = string_value(arg.value)
        if value is not None and arg.keyword is None:
            requests.append(Request(value, arg.value))
    return requests


def shared_usefixtures(resolver: Resolver, profile: PytestProfile) -> list[tuple[str, ClassScope | None, Request]]:
    """``usefixtures`` marks that request a fixture for many tests at once: on a test class
    (decorator or ``pytestmark``) or in the module's ``pytestmark``. Each comes with a
    description of its holder and the class (None for the module)."""
    model = resolver.model
    found: list[tuple[str, ClassScope | None, Request]] = []
    for value in model.module_pytestmark:
        items = [e.value for e in value.elements] if isinstance(value, cst.List) else [value]
        for item in items:
            found.extend(("the module's `pytestmark`", None, r) for r in _usefixtures_in(item, model.module, resolver))
    for cls in model.classes:
        if cls.node is None or cls.parent is not model.module or not profile.is_test_class_name(cls.name):
            continue
        where = f"class `{cls.name}`"
        for decorator in cls.node.decorators:
            found.extend((where, cls, r) for r in _usefixtures_in(decorator.decorator, model.module, resolver))
        for value in cls.pytestmark:
            items = [e.value for e in value.elements] if isinstance(value, cst.List) else [value]
            for item in items:
                found.extend((where, cls, r) for r in _usefixtures_in(item, cls, resolver))
    return found
