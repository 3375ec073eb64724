"""Which functions pytest's own collector runs as tests, and which unittest classes run their
coroutine methods themselves: the predicates the collection rules share."""

from __future__ import annotations

import libcst as cst

from asynclint.config.versions import ProjectVersions, warning_action
from asynclint.semantics import tables
from asynclint.semantics.ancestry import ancestors, class_ancestry
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import ClassScope, FunctionScope, dotted
from asynclint.semantics.pytest_items import (
    TestItem,
    class_has_init,
    collected_test,
    is_unittest_class,
    mark_name,
)
from asynclint.semantics.resolve import is_mark


def keeps_test_coroutine(ctx: FileContext, function: FunctionScope) -> bool:
    """Whether every decorator leaves the test a coroutine function pytest-asyncio would see."""
    assert function.node is not None
    for decorator in function.node.decorators:
        expr = decorator.decorator
        if mark_name(expr, function.parent, ctx.resolver) is not None:
            continue
        qualname = ctx.resolver.qualify(expr, function.parent)
        if qualname and is_mark(qualname):
            continue
        if not ctx.resolver.keeps_coroutine(qualname):
            return False
    return True


PATCH_PREFIXES = tuple(
    f"{module}.{name}"
    for module in tables.MOCK_MODULES
    for name in ("patch", "patch.object", "patch.dict", "patch.multiple")
)


def plain_decorators_only(ctx: FileContext, function: FunctionScope) -> bool:
    """Every decorator is a mark, ``mock.patch*``, ``staticmethod`` or ``classmethod``."""
    for decorator in non_marks(ctx, function):
        qualname = ctx.resolver.qualify(decorator.decorator, function.parent)
        if qualname in ("staticmethod", "classmethod") or qualname.startswith(PATCH_PREFIXES):
            continue
        return False
    return True


def non_marks(ctx: FileContext, function: FunctionScope) -> list[cst.Decorator]:
    assert function.node is not None
    return [d for d in function.node.decorators if mark_name(d.decorator, function.parent, ctx.resolver) is None]


def collected_plain_test(ctx: FileContext, function: FunctionScope) -> TestItem | None:
    """The test item pytest's own Python collector makes of ``function`` (not unittest, not conftest)."""
    if ctx.is_conftest or ctx.resolver.is_fixture_function(function):
        return None
    item = collected_test(function, ctx.resolver, ctx.profile)
    if item is None:
        return None
    if item.cls is not None:
        ancestry = class_ancestry(item.cls, ctx.resolver)
        if ancestry is None or is_unittest_class(ancestry) or class_has_init(item.cls, ctx.resolver):
            return None
    return item


def pytest9_error(ctx: FileContext, versions: ProjectVersions) -> bool:
    """pytest >= 9 makes PytestRemovedIn9Warning an error (unless filterwarnings says otherwise)."""
    return warning_action(ctx.profile, "PytestRemovedIn9Warning", versions) == "error"


SYNC_TESTCASES = frozenset({"unittest.TestCase", "unittest.case.TestCase"})


CUSTOM_RUN_METHODS = frozenset(
    {
        "run",
        "debug",
        "_callTestMethod",
        "_callSetUp",
        "_callTearDown",
        "__call__",
        "__init__",
        "__new__",
        "__init_subclass__",
        "__getattribute__",
        "__getattr__",
    }
)


def customised_class(ctx: FileContext, cls: ClassScope) -> bool:
    """A class that may run coroutine methods itself: run hooks, a metaclass, decorators."""
    assert cls.node is not None
    if any(k.keyword is not None for k in cls.node.keywords):
        return True
    if any(mark_name(d.decorator, cls.parent, ctx.resolver) is None for d in cls.node.decorators):
        return True
    return bool(CUSTOM_RUN_METHODS & set(cls.bindings))


def testcase_base(ctx: FileContext, cls: ClassScope, bases: frozenset[str] = SYNC_TESTCASES) -> cst.Arg | bool | None:
    """The class's own base among ``bases`` (a ``cst.Arg`` of this file; True when inherited),
    None when not sure: an unresolved or other external base, a metaclass, a class decorator
    or an overridden run method may run coroutine methods itself."""
    found = ancestors(cls, ctx.resolver)
    if not found or customised_class(ctx, cls):
        return None
    external = [a.qualname for a in found if a.external]
    if not bases & set(external):
        return None
    if any(name not in bases and name not in ("object", "builtins.object") for name in external):
        return None  # another external base may run coroutines (Django, asynctest, aiohttp, ...)
    for ancestor in found:
        if ancestor.local is not None and customised_class(ctx, ancestor.local):
            return None
        if ancestor.facts is not None and (
            ancestor.facts.has_metaclass or CUSTOM_RUN_METHODS & set(ancestor.facts.methods)
        ):
            return None
    for owner in (cls, *(a.local for a in found if a.local is not None)):
        assert owner.node is not None
        for arg in owner.node.bases:
            if ctx.resolver.qualify(arg.value, owner.parent) in bases:
                return arg  # the class of this file that names the base
    return True


def plain_mixin(ctx: FileContext, cls: ClassScope) -> bool:
    """A class deriving from nothing (or ``object``), not collected by pytest on its own, that
    does nothing to how its methods run (no metaclass, decorator or run hook)."""
    assert cls.node is not None
    if any(dotted(b.value) not in ("object", "builtins.object") for b in cls.node.bases):
        return False
    if "__test__" in cls.bindings or ctx.profile.is_test_class_name(cls.name):
        return False  # pytest collects it itself (ASL101's concern) or is told not to
    return not customised_class(ctx, cls)


def _derives_from(ctx: FileContext, cls: ClassScope, mixin: ClassScope) -> bool:
    """``cls`` has ``mixin`` among its ancestors, or names it and has an unreadable ancestry
    (then it counts as a user that may run coroutines, which silences the mixin)."""
    found = ancestors(cls, ctx.resolver)
    if found is None:
        assert cls.node is not None
        return any(dotted(b.value) == mixin.name for b in cls.node.bases)
    return any(a.local is mixin for a in found)


def mixin_users(ctx: FileContext, mixin: ClassScope) -> list[ClassScope]:
    """The classes of this file that derive from ``mixin`` (or may: an unreadable ancestry
    naming it), where unittest or pytest runs the mixin's methods."""
    return [c for c in ctx.model.classes if c is not mixin and _derives_from(ctx, c, mixin)]
