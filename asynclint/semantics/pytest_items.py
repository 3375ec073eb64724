"""What pytest would make of a function: test, fixture, or neither, and its marks.

Mirrors pytest's own collection rules (``python_functions`` / ``python_classes``,
classes with ``__init__`` skipped, closest mark wins) so rules agree with what
really runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from asynclint.semantics import tables
from asynclint.semantics.filemodel import ClassScope, FunctionScope, ModuleScope, Scope, dotted
from asynclint.semantics.resolve import Resolver, is_mark

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

    def __or__(self, other: "Marks") -> "Marks":
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
    """Marks in a ``pytestmark`` value: a mark, or a list/tuple of marks."""
    items = (
        [e.value for e in value.elements] if isinstance(value, (cst.List, cst.Tuple)) else [value]
    )
    names = set()
    for item in items:
        name = mark_name(item, scope, resolver)
        if name is None:
            return Marks(frozenset(names), understood=False)
        names.add(name)
    return Marks(frozenset(names))


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
                result = result | (
                    Marks(frozenset(more)) if more is not None else Marks(frozenset(), False)
                )
    return result


def class_ancestry(cls: ClassScope, resolver: Resolver, depth: int = 0) -> list[str] | None:
    """Qualified names of every ancestor; None when some base cannot be resolved at all."""
    assert cls.node is not None
    names: list[str] = []
    for base in cls.node.bases:
        base_name = dotted(base.value)
        if not base_name:
            return None
        binding = resolver.lookup(base_name.partition(".")[0], cls.parent)
        if binding is not None and binding.kind == "class" and binding.cls is not None and "." not in base_name:
            if depth > 8:
                return None
            inner = class_ancestry(binding.cls, resolver, depth + 1)
            if inner is None:
                return None
            names.append(base_name)
            names.extend(inner)
            continue
        if base_name == "object" and binding is None:
            continue
        qualname = resolver.qualify(base_name, cls.parent)
        if not qualname:
            return None
        names.append(qualname)
        symbol = resolver.resolve_qualname(qualname)
        if symbol is not None and symbol.cls is not None:
            for ancestor in resolver.index.class_ancestry(symbol.module, symbol.cls):
                names.append(ancestor if isinstance(ancestor, str) else ancestor.qualname)
    return names


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


def collected_test(function: FunctionScope, resolver: Resolver, profile) -> TestItem | None:
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


def is_fixture(function: FunctionScope, resolver: Resolver) -> bool:
    assert function.node is not None
    for decorator in function.node.decorators:
        qualname = resolver.qualify(decorator.decorator, function.parent)
        last = qualname.rsplit(".", 1)[-1] if qualname else dotted(decorator.decorator).rsplit(".", 1)[-1]
        if last in ("fixture", "yield_fixture"):
            return True
    return False
