"""What pytest would make of a function: test, fixture, or neither, and its marks.

Mirrors pytest's own collection rules (``python_functions`` / ``python_classes``,
classes with ``__init__`` skipped, closest mark wins) so rules agree with what
really runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from asynclint.index.summary import FIXTURE_WORDS, ModuleSummary, qualify_in_summary
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
    """Mark names found at one level; ``understood`` is False when a value could not be read.

    ``some_cases`` holds marks that ``pytest.param(..., marks=...)`` puts on only some cases
    of a parametrized test: they are not in ``names``, which says what reaches every item."""

    names: frozenset[str]
    understood: bool = True
    some_cases: frozenset[str] = frozenset()

    def __or__(self, other: Marks) -> Marks:
        return Marks(self.names | other.names, self.understood and other.understood, self.some_cases | other.some_cases)


NO_MARKS = Marks(frozenset())
# How many names in a row a mark list is followed through (``a = [*b]``, ``b = c + [...]``).
_MAX_LIST_DEPTH = 4
_MUTATING_METHODS = frozenset({"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse"})


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
    """Marks in a ``pytestmark`` value: a mark, or a list of marks, also built from other
    lists (``[*common, mark]``, ``base.marks + [mark]``, names bound once to such lists, in
    this file or in a project module).

    A tuple is rejected by pytest at collection (ASL106): its marks never apply, so
    they are reported as not understood and the rules that need marks stay silent.
    """
    if isinstance(value, cst.Tuple):
        names = mark_list(cst.List(elements=value.elements), scope, resolver)
        return Marks(frozenset(names or ()), understood=False)
    single = mark_name(value, scope, resolver)
    if single is not None:
        return Marks(frozenset({single}))
    names = mark_list(value, scope, resolver)
    return Marks(frozenset(names), understood=True) if names is not None else Marks(frozenset(), understood=False)


def mark_list(value: cst.BaseExpression, scope: Scope | None, resolver: Resolver, depth: int = 0) -> list[str] | None:
    """The mark names of a list-valued expression; None when any part is not understood."""
    if depth > _MAX_LIST_DEPTH:
        return None
    if isinstance(value, cst.List):
        names: list[str] = []
        for element in value.elements:
            if isinstance(element, cst.StarredElement):
                found = mark_list(element.value, scope, resolver, depth + 1)
                if found is None:
                    return None
                names.extend(found)
                continue
            name = mark_name(element.value, scope, resolver)
            if name is None:
                return None
            names.append(name)
        return names
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add):
        left = mark_list(value.left, scope, resolver, depth + 1)
        right = mark_list(value.right, scope, resolver, depth + 1) if left is not None else None
        return left + right if left is not None and right is not None else None
    if isinstance(value, (cst.Name, cst.Attribute)):
        return _named_mark_list(value, scope, resolver, depth)
    return None


def _named_mark_list(
    value: cst.Name | cst.Attribute, scope: Scope | None, resolver: Resolver, depth: int
) -> list[str] | None:
    """A name bound once at module level to a mark list: in this file (never changed in
    place), or in a project module (``ModuleSummary.lists``)."""
    text = dotted(value)
    head = text.partition(".")[0]
    binding = resolver.lookup(head, scope) if head else None
    if binding is None:
        return None
    if binding.kind == "value" and "." not in text:
        owner = resolver.owner(head, scope)
        if not isinstance(owner, ModuleScope) or binding.value is None or _changed_in_place(head, resolver):
            return None
        return mark_list(binding.value, owner, resolver, depth + 1)
    if binding.kind != "import":
        return None
    return _project_mark_list(resolver.qualify(value, scope), resolver, depth)


def _project_mark_list(qualname: str, resolver: Resolver, depth: int) -> list[str] | None:
    parts = qualname.split(".")
    for i in range(len(parts) - 1, 0, -1):
        summary = resolver.index.summary(".".join(parts[:i]))
        if summary is None:
            continue
        items = summary.lists.get(parts[i]) if i == len(parts) - 1 else None
        if items is None or parts[i] in summary.imports:
            return None
        names: list[str] = []
        for item in items:
            starred = item.startswith("*")
            target = _qualify_item(summary, item.lstrip("*"), resolver)
            if starred:
                found = _project_mark_list(target, resolver, depth + 1) if target and depth < _MAX_LIST_DEPTH else None
                if found is None:
                    return None
                names.extend(found)
            elif target and is_mark(target):
                names.append(target.rsplit(".", 1)[1])
            else:
                return None
        return names
    return None


def _qualify_item(summary: ModuleSummary, item: str, resolver: Resolver) -> str:
    """An item of a project module's list, qualified: through its imports, or a list or
    alias of that module itself (aliases followed)."""
    head = item.partition(".")[0]
    if head not in summary.imports and (head in summary.lists or head in summary.aliases):
        target = f"{summary.module}.{item}"
    else:
        target = qualify_in_summary(summary, item)
    return resolver.project_alias(target, 0) or target if target else ""


def _changed_in_place(name: str, resolver: Resolver) -> bool:
    """``name.append(...)`` or another list method called on ``name`` anywhere in the file
    (the names so called: one pass over the file's calls, memoised in the file model)."""
    model = resolver.model
    key = ("list-methods-called-on", 0)
    found = model.memo.get(key)
    if not isinstance(found, frozenset):
        found = frozenset(
            func.value.value
            for site in model.calls
            if isinstance(func := site.node.func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.attr.value in _MUTATING_METHODS
        )
        model.memo[key] = found
    return name in found


def decorator_marks(node: cst.FunctionDef | cst.ClassDef, scope: Scope | None, resolver: Resolver) -> Marks:
    names = set()
    understood = True
    some_cases: set[str] = set()
    for decorator in node.decorators:
        name = mark_name(decorator.decorator, scope, resolver)
        if name is None:
            continue
        names.add(name)
        if name == "parametrize":
            cases = _case_marks(decorator.decorator, scope, resolver)
            if cases is None:
                understood = False
            else:
                some_cases |= cases
    return Marks(frozenset(names), understood, frozenset(some_cases))


def _case_marks(expr: cst.BaseExpression, scope: Scope | None, resolver: Resolver) -> set[str] | None:
    """Runner marks ``pytest.param(..., marks=...)`` gives to only some cases of a
    ``parametrize`` (empty when none does); None when the cases cannot be read and one of
    them may carry a runner mark, or when every case carries one (unusual: left unsure)."""
    argvalues = _argvalues(expr, scope, resolver)
    if argvalues is None:
        found = keyword_arg(expr, "argvalues") if isinstance(expr, cst.Call) else None
        positional = [a for a in expr.args if a.keyword is None] if isinstance(expr, cst.Call) else []
        values = found.value if found is not None else positional[1].value if len(positional) > 1 else None
        return None if values is None or _may_carry_marks(values, scope, resolver) else set()
    per_case: list[set[str]] = []
    for element in argvalues.elements:
        case = element.value
        if isinstance(element, cst.StarredElement):
            return None
        if isinstance(case, cst.Call) and resolver.qualify(case.func, scope) in _PARAM_FUNCTIONS:
            marks_arg = keyword_arg(case, "marks")
            if marks_arg is None:
                per_case.append(set())
                continue
            value = marks_arg.value
            single = mark_name(value, scope, resolver)
            names = [single] if single is not None else None
            if names is None and isinstance(value, (cst.List, cst.Tuple)):
                names = mark_list(cst.List(elements=value.elements), scope, resolver)
            if names is None:
                return None
            per_case.append(set(names) & tables.RUNNER_MARKS)
        elif _may_carry_marks(case, scope, resolver):
            return None  # a case built some other way may carry marks
        else:
            per_case.append(set())
    if not per_case:
        return None
    if set.intersection(*per_case):
        return None
    return set.union(*per_case)


def _may_carry_marks(expr: cst.BaseExpression, scope: Scope | None, resolver: Resolver, depth: int = 0) -> bool:
    """Whether cases written as ``expr`` may be ``pytest.param`` objects with marks: it says
    ``param``/``marks``, or names something bound elsewhere (imported, or bound in this file
    to such a value)."""
    code = resolver.model.code(expr)
    if "param" in code or "marks" in code:
        return True
    if isinstance(expr, cst.Name):
        binding = resolver.lookup(expr.value, scope)
        if binding is None or binding.kind in ("import", "param", "other"):
            return binding is not None
        if binding.kind == "value" and binding.value is not None and depth < _MAX_LIST_DEPTH:
            return _may_carry_marks(binding.value, resolver.owner(expr.value, scope), resolver, depth + 1)
    return False


_PARAM_FUNCTIONS = frozenset({"pytest.param", "_pytest.mark.param", "_pytest.mark.structures.param"})


def _argvalues(expr: cst.BaseExpression, scope: Scope | None, resolver: Resolver) -> cst.List | cst.Tuple | None:
    """The literal list of cases of a ``parametrize(argnames, argvalues)`` call, written
    there or bound once at module level to a name never changed in place (``CASES = [...]``)."""
    if not isinstance(expr, cst.Call):
        return None
    found = keyword_arg(expr, "argvalues")
    if found is None:
        positional = [a for a in expr.args if a.keyword is None and a.star == ""]
        if len(positional) < 2:
            return None
        found = positional[1]
    value: cst.BaseExpression | None = found.value
    if isinstance(value, cst.Name):
        binding = resolver.lookup(value.value, scope)
        owner = resolver.owner(value.value, scope)
        if (
            binding is not None
            and binding.kind == "value"
            and isinstance(owner, ModuleScope)
            and len(owner.bindings.get(value.value, ())) == 1
            and not _changed_in_place(value.value, resolver)
        ):
            value = binding.value
    return value if isinstance(value, (cst.List, cst.Tuple)) else None


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
@dataclass(frozen=True)
class FixtureDecorator:
    """The decorator that makes a function a fixture, and what it resolves to."""

    decorator: cst.Decorator
    target: cst.BaseExpression  # ``pytest.fixture`` without the call's arguments
    qualname: str  # "" when the name cannot be resolved
    call: cst.Call | None

    @property
    def is_plain_pytest(self) -> bool:
        return self.qualname in tables.PYTEST_FIXTURE_DECORATORS

    @property
    def is_pytest_asyncio(self) -> bool:
        return self.qualname in tables.ASYNCIO_FIXTURE_DECORATORS


def fixture_decorator(function: FunctionScope, resolver: Resolver) -> FixtureDecorator | None:
    assert function.node is not None
    for decorator in function.node.decorators:
        expr = decorator.decorator
        target = expr.func if isinstance(expr, cst.Call) else expr
        qualname = resolver.qualify(target, function.parent)
        if qualname and is_mark(qualname):
            continue
        last = (qualname or dotted(target)).rsplit(".", 1)[-1]
        if last in FIXTURE_WORDS:
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
