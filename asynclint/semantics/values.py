"""What a name holds: instances of project classes, mocks and patchers.

"Is ``client.get()`` a coroutine?" depends on what ``client`` is. This module
infers it the way a careful reader would: from the assignment in the same
function (``c = Client()``), ``self.client = Client()`` in a set-up method,
``async with Client() as c`` when ``__aenter__`` returns ``self``, factories
whose annotation or ``return Client(...)`` names a class, the fixture a
parameter is bound to, and the mocks ``patch`` creates. Anything else is
``None``: unknown, and the rules stay silent.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import libcst as cst

from asynclint.index.project import ProjectIndex, Symbol
from asynclint.index.summary import (
    ASYNC,
    ATTRIBUTE,
    AUTOSPEC_CLASS,
    AWAITED,
    ELEMENTS,
    ENTERED,
    MAPPING,
    PARAMETER,
    PARTIAL,
    PATCHED,
    SETUP_METHODS,
    SPEC,
    SYNC,
    TEARDOWN_METHODS,
    TUPLE,
    TYPEARG,
    VALUE,
    FunctionFacts,
    ModuleSummary,
    qualify_in_summary,
    tuple_items,
)
from asynclint.semantics import tables
from asynclint.semantics.ancestry import Ancestor, ancestors
from asynclint.semantics.callee import COROUTINE, PLAIN, UNKNOWN, Callee
from asynclint.semantics.filemodel import (
    Binding,
    ClassScope,
    FileModel,
    FunctionScope,
    ModuleScope,
    Scope,
    dotted,
    keyword_value,
    positional_value,
    string_value,
)


class Resolver(Protocol):
    """What value inference asks of :class:`~asynclint.semantics.resolve.Resolver`, which
    owns it and which it asks back (named structurally: the resolver imports this module)."""

    @property
    def model(self) -> FileModel: ...
    @property
    def summary(self) -> ModuleSummary: ...
    @property
    def index(self) -> ProjectIndex: ...
    @property
    def path(self) -> Path: ...

    def lookup(self, name: str, scope: Scope | None) -> Binding | None: ...
    def owner(self, name: str, scope: Scope | None) -> Scope | None: ...
    def qualify(self, expr: cst.BaseExpression | str, scope: Scope | None) -> str: ...
    def resolve_qualname(self, qualname: str) -> Symbol | None: ...
    def resolve_callable(self, func: cst.BaseExpression, scope: Scope, _depth: int = 0) -> Callee: ...
    def resolve_target(self, qualname: str) -> Callee: ...
    def resolve_attribute_target(self, owner: cst.BaseExpression, attribute: str, scope: Scope) -> Callee: ...
    def facts_kind(self, summary: ModuleSummary, facts: FunctionFacts) -> str: ...
    def local_facts(self, function: FunctionScope) -> FunctionFacts | None: ...
    def is_fixture_function(self, function: FunctionScope) -> bool: ...
    def summarised_fixture_decorator(self, summary: ModuleSummary, facts: FunctionFacts) -> str | None: ...
    def class_method_symbol(self, cls: ClassScope, method: str, depth: int = 0) -> FunctionScope | Symbol | None: ...


MAX_DEPTH = 8


@dataclass(frozen=True)
class ClassRef:
    """A project class: defined in the linted file (``local``) or found by the index."""

    local: ClassScope | None = None
    symbol: Symbol | None = None

    @property
    def name(self) -> str:
        if self.local is not None:
            return self.local.name
        assert self.symbol is not None and self.symbol.cls is not None
        return self.symbol.cls.name


@dataclass(frozen=True)
class Instance:
    """An instance of ``cls``; ``exact`` is False when only an annotation or a factory says so,
    which a subclass may satisfy too (aiohttp's ``response_class=CustomResponse``)."""

    cls: ClassRef
    exact: bool = True
    mock: bool = False  # a mock with ``spec=cls``: its async methods are AsyncMocks


@dataclass(frozen=True)
class MockValue:
    """A mock object; ``awaitable`` when calling it returns a coroutine (an AsyncMock).

    ``replaces`` is the project class a patcher put it in place of (``patch("app.Repo")``);
    ``instance`` when it is that mock's ``return_value``, standing in for the instances the
    code under test makes (``R.return_value.fetch = Mock()`` replaces ``Repo.fetch``);
    ``autospec`` when its children follow the class (async methods are AsyncMocks)."""

    awaitable: bool
    origin: str  # for messages: "AsyncMock()", "patch('app.service.fetch')"
    replaces: ClassRef | None = None
    instance: bool = False
    autospec: bool = False
    # Children the fixture that made it set (``m.child = MagicMock()``): child -> awaitable,
    # None when the value set is not a mock asynclint knows.
    children: tuple[tuple[str, bool | None], ...] = ()


@dataclass(frozen=True)
class Patcher:
    """What ``patch(...)`` returns: ``.start()`` and ``with ... as m`` give the mock."""

    mock: MockValue


@dataclass(frozen=True)
class Managed:
    """What a ``@contextmanager`` / ``@asynccontextmanager`` function returns: ``with`` binds
    ``entered`` (the value it yields)."""

    entered: Value


@dataclass(frozen=True)
class Elements:
    """A container whose written type names what it holds (``list[Client]``: ``of`` is a
    ``Client``; ``dict[str, Client]``: a ``mapping`` whose values are)."""

    of: Instance
    mapping: bool = False


Value = ClassRef | Instance | MockValue | Patcher | Managed | Elements | None

_PROPERTY_DECORATORS = frozenset({"property", "functools.cached_property", "cached_property"})
_CONTEXT_MANAGER_DECORATORS = frozenset({"asynccontextmanager", "contextmanager"})

# Attributes of a mock that are not child mocks with their own await semantics.
_MOCK_OWN_ATTRIBUTES = frozenset(
    {
        "return_value",
        "side_effect",
        "call_args",
        "call_args_list",
        "mock_calls",
        "method_calls",
        "await_args",
        "await_args_list",
        "called",
        "call_count",
        "await_count",
    }
)


_MUTATING_METHODS = frozenset({"append", "extend", "insert", "add", "update", "__setitem__", "setdefault"})


def _project_class(ancestor: Ancestor) -> ClassRef:
    """The class of the project an ancestor found by the index is."""
    assert ancestor.facts is not None and ancestor.summary is not None
    return ClassRef(symbol=Symbol("class", ancestor.qualname, ancestor.summary, cls=ancestor.facts))


def _same_class(a: ClassRef, b: ClassRef) -> bool:
    if a.local is not None or b.local is not None:
        return a.local is b.local
    assert a.symbol is not None and b.symbol is not None
    return a.symbol.qualname == b.symbol.qualname


def _mock_module(qualname: str) -> tuple[str, str]:
    """("unittest.mock", "patch.object") for "unittest.mock.patch.object"; ("", "") otherwise."""
    for module in tables.MOCK_MODULES:
        if qualname.startswith(module + "."):
            return module, qualname[len(module) + 1 :]
    return "", ""


def _indirect(decorator: cst.BaseExpression, name: str) -> bool:
    """``parametrize("name", ..., indirect=True)`` / ``indirect=["name"]``: pytest passes the
    value to the fixture ``name`` as ``request.param``. Anything unreadable is not indirect."""
    if not isinstance(decorator, cst.Call):
        return False
    indirect = keyword_value(decorator, "indirect")
    if isinstance(indirect, cst.Name):
        return indirect.value == "True"
    if isinstance(indirect, (cst.List, cst.Tuple)):
        return any(string_value(e.value) == name for e in indirect.elements)
    return False


class ValueInference:
    """Value inference for one file; shares the resolver's name tables."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._fixtures: dict[str, tuple[ModuleSummary, FunctionFacts] | None] = {}
        self._assigned_attributes: frozenset[str] | None = None
        self._mutated: dict[tuple[str, int], bool] = {}

    # ------------------------------------------------------------ expressions
    def infer(self, expr: cst.BaseExpression, scope: Scope, depth: int = 0) -> Value:
        if depth > MAX_DEPTH:
            return None
        if isinstance(expr, cst.Name):
            return self._name(expr.value, scope, depth)
        if isinstance(expr, cst.Attribute):
            return self._attribute(expr, scope, depth)
        if isinstance(expr, cst.Call):
            return self._call(expr, scope, depth)
        if isinstance(expr, cst.Await):
            return self._awaited(expr.expression, scope, depth)
        if isinstance(expr, cst.Subscript):
            return self._subscript(expr, scope, depth)
        return None

    def _subscript(self, expr: cst.Subscript, scope: Scope, depth: int) -> Value:
        """``registry["ops"]``: what ``__getitem__`` of the receiver's class evidently returns
        (a plain ``def`` with a return annotation or one evident ``return``)."""
        receiver = self.infer(expr.value, scope, depth + 1)
        if isinstance(receiver, Instance) and not receiver.mock:
            return self._method_result(receiver.cls, "__getitem__", False, depth + 1)
        if isinstance(receiver, Elements) and len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index):
            return receiver.of  # ``sessions["a"]`` of a ``dict[str, Session]`` (not a slice)
        return None

    def _method_result(self, cls: ClassRef, method: str, awaited: bool, depth: int) -> Value:
        """What calling ``method`` on an instance of ``cls`` evidently returns (``awaited``:
        what awaiting the call gives); None for a decorated method, whose decorator may
        change the call."""
        found = self.method_facts(cls, method)
        if found is None or found[1].decorators or found[1].kind != (ASYNC if awaited else SYNC):
            return None
        return self.produced(found[1].returns, found[0], cls, depth + 1)

    def _name(self, name: str, scope: Scope, depth: int) -> Value:
        r = self.resolver
        binding = r.lookup(name, scope)
        if binding is None:
            return None
        owner = r.owner(name, scope) or scope
        if binding.kind == "value" and binding.value is not None:
            found = self.infer(binding.value, owner, depth + 1)
            if found is None and binding.annotation is not None:
                return self.annotated(binding.annotation, owner, depth + 1)  # ``c: Client = make()``
            return found
        if binding.kind == "item" and binding.value is not None:
            return self.item(binding.value, binding.index, owner, depth + 1)
        if binding.kind == "element" and binding.value is not None:
            return self.element(binding.value, owner, depth + 1)
        if binding.kind == "with" and binding.value is not None:
            return self.entered(self.infer(binding.value, owner, depth + 1), depth)
        if binding.kind == "class" and binding.cls is not None:
            return ClassRef(local=binding.cls)
        if binding.kind == "import":
            return self.symbol_value(r.resolve_qualname(binding.qualname))
        if binding.kind == "param" and isinstance(owner, FunctionScope):
            found = self.parameter(name, owner, depth)
            if found is None and binding.annotation is not None and not self._parametrized(name, owner):
                # a parametrized argument is whatever the cases pass (a fake, often)
                return self.annotated(binding.annotation, owner.parent or owner, depth + 1)
            return found
        return None

    def annotated(self, annotation: cst.BaseExpression, scope: Scope, depth: int) -> Value:
        """What a written type says a name holds: an instance of that class, not ``exact``
        (a subclass may override a method; ``_overridden_nearby`` looks for one). Only a plain
        class name, quoted or ``Optional``; a union of classes, a generic or a type variable
        says too little."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(annotation, (cst.SimpleString, cst.ConcatenatedString)):
            text = string_value(annotation)
            try:
                annotation = cst.parse_expression(text) if text else annotation
            except cst.ParserSyntaxError:
                return None
            if isinstance(annotation, (cst.SimpleString, cst.ConcatenatedString)):
                return None
        if isinstance(annotation, cst.Subscript) and dotted(annotation.value).rpartition(".")[2] == "Optional":
            elements = annotation.slice
            if len(elements) != 1 or not isinstance(elements[0].slice, cst.Index):
                return None
            annotation = elements[0].slice.value
        if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
            sides = [annotation.left, annotation.right]  # ``Client | None``
            others = [side for side in sides if not (isinstance(side, cst.Name) and side.value == "None")]
            if len(others) != 1:
                return None
            annotation = others[0]
        if not isinstance(annotation, (cst.Name, cst.Attribute)):
            return None
        found = self.infer(annotation, scope, depth + 1)
        return Instance(found, exact=False) if isinstance(found, ClassRef) else None

    def item(self, expr: cst.BaseExpression, index: int, scope: Scope, depth: int) -> Value:
        """Element ``index`` of what ``expr`` holds, for ``a, b = expr``: of a literal tuple,
        or of the tuple a function evidently returns (``return reader, writer``)."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(expr, (cst.Tuple, cst.List)):
            elements = expr.elements
            if any(isinstance(e, cst.StarredElement) for e in elements) or index >= len(elements):
                return None
            return self.infer(elements[index].value, scope, depth + 1)
        awaited = isinstance(expr, cst.Await)
        call = expr.expression if isinstance(expr, cst.Await) else expr
        if not isinstance(call, cst.Call):
            return None
        target = self.callable_value(call.func, scope, depth + 1)
        if isinstance(target, ClassRef) and not awaited:
            found = self.method_facts(target, "__new__")  # ``send, receive = Streams(10)``
            if found is None or tuple_items(found[1].returns) is None:
                return None
            target = (found[0], found[1], target)
        if not isinstance(target, tuple):
            return None
        module, facts, owner = target
        if facts.kind != (ASYNC if awaited else SYNC):
            return None
        items = tuple_items(facts.returns)
        if items is None or index >= len(items):
            return None
        return self.produced(items[index], module, owner, depth + 1)

    def element(self, expr: cst.BaseExpression, scope: Scope, depth: int) -> Value:
        """What each element of ``expr`` holds, for ``for x in expr``: the instances of one
        class in a literal list, tuple or set (``[Bot("a"), Bot("b")]``), the element of a
        comprehension (``[Bot(t) for t in tokens]``), or of a local name bound once to one of
        these and never changed in place (no ``append``/``extend``/``insert``)."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(expr, cst.Name):
            r = self.resolver
            binding = r.lookup(expr.value, scope)
            owner = r.owner(expr.value, scope)
            if binding is None or binding.kind != "value" or binding.value is None or owner is None:
                return None
            if self._changed_in_place(expr.value, owner):
                return None
            return self.element(binding.value, owner, depth + 1)
        if isinstance(expr, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            held = self.infer(expr.elt, scope, depth + 1)
            return held if isinstance(held, Instance) and not held.mock else None
        if isinstance(expr, (cst.List, cst.Tuple, cst.Set)) and expr.elements:
            found: list[Instance] = []
            for item in expr.elements:
                held = None if isinstance(item, cst.StarredElement) else self.infer(item.value, scope, depth + 1)
                if (
                    not isinstance(held, Instance)
                    or held.mock
                    or not _same_class(held.cls, found[0].cls if found else held.cls)
                ):
                    return None
                found.append(held)
            return Instance(found[0].cls, exact=all(h.exact for h in found))
        held = self.infer(expr, scope, depth + 1)  # ``for c in shards.connections``: a ``list[Conn]``
        return held.of if isinstance(held, Elements) and not held.mapping else None

    def _changed_in_place(self, name: str, scope: Scope) -> bool:
        """``name.append(...)`` (or another mutating method) called anywhere in the file: stricter
        than the scope that binds ``name``, and one pass over the calls."""
        key = (name, id(scope))
        if key not in self._mutated:
            self._mutated[key] = any(
                isinstance(site.node.func, cst.Attribute)
                and site.node.func.attr.value in _MUTATING_METHODS
                and isinstance(site.node.func.value, cst.Name)
                and site.node.func.value.value == name
                for site in self.resolver.model.calls
            )
        return self._mutated[key]

    def _attribute(self, expr: cst.Attribute, scope: Scope, depth: int) -> Value:
        r = self.resolver
        assigned = self.assigned_mock(expr, scope, depth)
        if assigned is not None:
            return assigned
        if isinstance(expr.value, cst.Name) and expr.value.value in ("self", "cls"):
            owner = r.owner(expr.value.value, scope)
            if isinstance(owner, FunctionScope) and owner.owner_class is not None:
                held = self.self_attribute(owner.owner_class, expr.attr.value, depth)
                if held is None:
                    return self.class_attribute(ClassRef(local=owner.owner_class), expr.attr.value, depth + 1)
                return held
            return None
        qualname = r.qualify(expr, scope)
        if qualname:
            held = self.symbol_value(r.resolve_qualname(qualname))
            if held is not None:
                return held
            # else ``Settings.client``: an attribute of a class, which the receiver names
        return self.member(self.infer(expr.value, scope, depth + 1), expr.attr.value, depth)

    def member(self, receiver: Value, attribute: str, depth: int) -> Value:
        """What ``receiver.attribute`` holds: a class or instance attribute, a property's
        result, a mock's child."""
        if isinstance(receiver, ClassRef):
            return self.class_attribute(receiver, attribute, depth + 1)
        if isinstance(receiver, MockValue) and receiver.children:
            for child, awaitable in receiver.children:
                if child == attribute:
                    return None if awaitable is None else MockValue(awaitable, f"`{child}` set by a fixture")
        if isinstance(receiver, MockValue) and receiver.awaitable and attribute not in _MOCK_OWN_ATTRIBUTES:
            # an AsyncMock's attributes are AsyncMocks too (not what it returns when awaited)
            return MockValue(True, f"a child of {receiver.origin}")
        if isinstance(receiver, MockValue) and receiver.replaces is not None:
            return self.class_mock_attribute(receiver, receiver.replaces, attribute)
        if isinstance(receiver, Instance) and not receiver.mock:
            found = self.method_facts(receiver.cls, attribute)
            if found is not None and _PROPERTY_DECORATORS & set(found[1].decorators) and found[1].kind == SYNC:
                return self.produced(found[1].returns, found[0], receiver.cls, depth + 1)
            return self.class_attribute(receiver.cls, attribute, depth + 1) if found is None else None
        if isinstance(receiver, Instance) and receiver.mock:
            return self._spec_child(receiver.cls, attribute)
        return None

    def _spec_child(self, cls: ClassRef, attribute: str) -> Value:
        """The child a mock spec'd by ``cls`` has for ``attribute``: an AsyncMock for an async
        method (a decorated one only if its decorators keep it a coroutine function)."""
        r = self.resolver
        found = self.method_facts(cls, attribute)
        if found is not None and r.facts_kind(found[0] or r.summary, found[1]) == "coroutine":
            return MockValue(True, f"the AsyncMock a mock with `spec={cls.name}` has for `{attribute}`")
        return None

    def class_attribute(self, cls: ClassRef, attr: str, depth: int) -> Value:
        """What a class-body attribute holds: ``client = Client()``, a dataclass field
        ``client: Client`` (or ``= field(default_factory=Client)``), on the class or its
        instances. Its own body only (a base's attribute may be overridden), and only when
        nothing in this file assigns an attribute of that name (a test swapping in a fake)."""
        r = self.resolver
        if self._assigned_attributes is None:
            self._assigned_attributes = frozenset(
                a.target.attr.value
                for a in r.model.attribute_assignments
                # ``self.x = ...`` in a method sets its own class's instances up: asked separately
                if not (isinstance(a.target.value, cst.Name) and a.target.value.value in ("self", "cls"))
            )
        if attr in self._assigned_attributes or depth > MAX_DEPTH:
            return None
        if cls.local is not None:
            if cls.local.parent is not r.model.module:
                return None
            facts, module = r.summary.classes.get(cls.local.name), None
        else:
            assert cls.symbol is not None
            facts, module = cls.symbol.cls, cls.symbol.module
        held = facts.attributes.get(attr) if facts is not None else None
        return self.produced(held, module, None, depth + 1)

    def symbol_value(self, symbol: Symbol | None, depth: int = 0) -> Value:
        if symbol is not None and symbol.kind == "class" and symbol.cls is not None:
            return ClassRef(symbol=symbol)
        if symbol is not None and symbol.kind == "variable" and symbol.value and not symbol.value.startswith(PARTIAL):
            # a module-level singleton (``client = Client()``), also re-exported through packages
            return self.produced(symbol.value, symbol.module, None, depth + 1)
        return None

    def _call(self, call: cst.Call, scope: Scope, depth: int) -> Value:
        r = self.resolver
        qualname = r.qualify(call.func, scope)
        mock = self._mock_construction(call, qualname, scope, depth)
        if mock is not False:
            return mock
        if isinstance(call.func, cst.Attribute) and call.func.attr.value == "start":
            patcher = self.infer(call.func.value, scope, depth + 1)
            return patcher.mock if isinstance(patcher, Patcher) else None
        if isinstance(call.func, cst.Attribute) and call.func.attr.value == "getfixturevalue":
            return self._fixture_value(call, call.func, scope, depth)
        called = self._class_mock(call.func, scope, depth)
        if called is not None:
            return called
        target = self.callable_value(call.func, scope, depth + 1)
        if isinstance(target, ClassRef):
            return None if tuple_items(self._new_returns(target)) is not None else Instance(target)
        if isinstance(target, tuple):
            module, facts, owner = target
            if any(d.rpartition(".")[2] in _CONTEXT_MANAGER_DECORATORS for d in facts.decorators):
                # ``@asynccontextmanager``: ``async with f() as v`` binds what it yields
                return Managed(self.produced(facts.returns, module, owner, depth + 1))
            if facts.kind == SYNC:
                if facts.returns and facts.returns.startswith(TYPEARG):
                    return self._type_argument(call, facts, owner, scope, depth)
                return self.produced(facts.returns, module, owner, depth + 1)
        return None

    def _class_mock(self, func: cst.BaseExpression, scope: Scope, depth: int) -> Value:
        """What calling a mock that stands in for a class gives (``R = create_autospec(Repo)``;
        ``R()``): the mock of its instances. Only locals, parameters and calls are asked (a
        mock is never an import), so ordinary calls cost one lookup."""
        if isinstance(func, cst.Name):
            binding = self.resolver.lookup(func.value, scope)
            if binding is None or binding.kind not in ("value", "with", "param"):
                return None
        elif not isinstance(func, cst.Call):
            return None
        held = self.infer(func, scope, depth + 1)
        if isinstance(held, MockValue) and held.replaces is not None and not held.instance:
            return self.class_mock_attribute(held, held.replaces, "return_value")
        return None

    def _new_returns(self, cls: ClassRef) -> str | None:
        """What ``__new__`` of ``cls`` (or a base) evidently returns: a class whose ``__new__``
        returns a tuple makes no instance of itself (anyio's ``create_memory_object_stream``)."""
        found = self.method_facts(cls, "__new__")
        return found[1].returns if found is not None else None

    def _type_argument(
        self, call: cst.Call, facts: FunctionFacts, owner: ClassRef | None, scope: Scope, depth: int
    ) -> Value:
        """``container.resolve(Repo)`` of ``def resolve(self, cls: type[T]) -> T``: an instance
        of the class passed (not exact: a container may hand out a subclass)."""
        param = facts.returns[len(TYPEARG) :] if facts.returns else ""
        argument = keyword_value(call, param)
        if argument is None and param in facts.params:
            index = facts.params.index(param)
            if owner is not None and facts.params[0] in ("self", "cls"):
                if "staticmethod" in facts.decorators:
                    return None
                if not isinstance(call.func, cst.Attribute):
                    return None
                receiver = self.infer(call.func.value, scope, depth + 1)
                if not isinstance(receiver, Instance) and "classmethod" not in facts.decorators:
                    return None  # ``Container.resolve(container, Repo)``: not worth the guess
                index -= 1
            if index < 0:
                return None  # ``def get(cls: type[T]) -> T``: the bound class itself, not an argument
            if any(a.keyword is not None or a.star for a in call.args[: index + 1]):
                return None
            argument = positional_value(call, index)
        if argument is None:
            return None
        held = self.infer(argument, scope, depth + 1)
        return Instance(held, exact=False) if isinstance(held, ClassRef) else None

    def _awaited(self, expr: cst.BaseExpression, scope: Scope, depth: int) -> Value:
        if not isinstance(expr, cst.Call):
            return None
        target = self.callable_value(expr.func, scope, depth + 1)
        if isinstance(target, tuple):
            module, facts, owner = target
            if facts.kind != SYNC:
                if facts.returns and facts.returns.startswith(TYPEARG):
                    return self._type_argument(expr, facts, owner, scope, depth)
                return self.produced(facts.returns, module, owner, depth + 1)
        return None

    def callable_value(
        self, func: cst.BaseExpression, scope: Scope, depth: int
    ) -> ClassRef | tuple[ModuleSummary | None, FunctionFacts, ClassRef | None] | None:
        """A called expression as a class, or as a function with its facts and owner class."""
        r = self.resolver
        if isinstance(func, cst.Name):
            binding = r.lookup(func.value, scope)
            if binding is None:
                return None
            if binding.kind == "class" and binding.cls is not None:
                return ClassRef(local=binding.cls)
            if binding.kind == "def" and binding.function is not None:
                facts = r.local_facts(binding.function)
                return (None, facts, None) if facts is not None else None
            if binding.kind == "import":
                imported = self._symbol_callable(r.resolve_qualname(binding.qualname))
                # else an imported instance (``SessionLocal = sessionmaker(...)`` in a package)
                return imported if imported is not None else self._called_instance(func, scope, depth)
            if binding.kind == "value" and isinstance(binding.value, (cst.Name, cst.Attribute)) and depth < MAX_DEPTH:
                # ``f = fetch``: the function rebound to a local name
                owner = r.owner(func.value, scope) or scope
                return self.callable_value(binding.value, owner, depth + 1)
            return self._called_instance(func, scope, depth)
        if isinstance(func, cst.Attribute):
            qualname = r.qualify(func, scope)
            if qualname:
                found_qualified = self._qualified_callable(qualname)
                if found_qualified is not None:
                    return found_qualified
            receiver = self.infer(func.value, scope, depth + 1)
            cls = receiver.cls if isinstance(receiver, Instance) else receiver
            if isinstance(cls, ClassRef):
                found = self.method_facts(cls, func.attr.value)
                if found is not None:
                    return (found[0], found[1], cls)
                return None
            return self._called_instance(func, scope, depth)  # ``db.SessionLocal()``: an instance
        if isinstance(func, cst.Call):
            return self._called_instance(func, scope, depth)  # ``sessionmaker(url)()``
        if isinstance(func, cst.Subscript) and depth < MAX_DEPTH:
            # ``Stack[int](...)``: a subscripted (generic) class constructs the class
            inner = self.callable_value(func.value, scope, depth + 1)
            return inner if isinstance(inner, ClassRef) else None
        return None

    def _called_instance(
        self, func: cst.BaseExpression, scope: Scope, depth: int
    ) -> tuple[ModuleSummary | None, FunctionFacts, ClassRef | None] | None:
        """Calling an instance calls ``__call__`` of its class (``Session()`` where ``Session``
        holds a ``sessionmaker``): its facts, with the class as owner."""
        held = self.infer(func, scope, depth + 1)
        if not isinstance(held, Instance) or held.mock:
            return None
        found = self.method_facts(held.cls, "__call__")
        return (found[0], found[1], held.cls) if found is not None else None

    def _qualified_callable(
        self, qualname: str
    ) -> ClassRef | tuple[ModuleSummary | None, FunctionFacts, ClassRef | None] | None:
        """``_symbol_callable`` of a dotted name; a method called on a class that inherits it
        (``KVClient.connect()`` defined in a base) gets that class as ``cls``."""
        r = self.resolver
        found = self._symbol_callable(r.resolve_qualname(qualname))
        if isinstance(found, tuple) and found[2] is not None:
            named = self.symbol_value(r.resolve_qualname(qualname.rpartition(".")[0]))
            if isinstance(named, ClassRef):
                return (found[0], found[1], named)
        return found

    def _symbol_callable(
        self, symbol: Symbol | None
    ) -> ClassRef | tuple[ModuleSummary | None, FunctionFacts, ClassRef | None] | None:
        if symbol is None:
            return None
        if symbol.kind == "class" and symbol.cls is not None:
            return ClassRef(symbol=symbol)
        if symbol.function is not None:
            owner = None
            if symbol.kind == "method" and symbol.cls is not None:
                owner = ClassRef(
                    symbol=Symbol("class", symbol.qualname.rpartition(".")[0], symbol.module, cls=symbol.cls)
                )
            return (symbol.module, symbol.function, owner)
        return None

    def method_facts(self, cls: ClassRef, method: str) -> tuple[ModuleSummary | None, FunctionFacts] | None:
        r = self.resolver
        if cls.local is not None:
            found = r.class_method_symbol(cls.local, method)
            if isinstance(found, FunctionScope):
                facts = r.local_facts(found)
                return (None, facts) if facts is not None else None
            if isinstance(found, Symbol) and found.function is not None:
                return (found.module, found.function)
            return None
        assert cls.symbol is not None and cls.symbol.cls is not None
        symbol = r.index.find_method(cls.symbol.module, cls.symbol.cls, method)
        if symbol is not None and symbol.function is not None:
            return (symbol.module, symbol.function)
        return None

    # ------------------------------------------------------------ producers
    def produced(self, name: str | None, module: ModuleSummary | None, owner: ClassRef | None, depth: int) -> Value:
        """The value a function evidently returns, from its summary's ``returns`` fact."""
        if not name or depth > MAX_DEPTH or name.startswith((TUPLE, TYPEARG)):
            return None
        if name in ("self", "cls"):
            return Instance(owner, exact=False) if owner is not None else None
        if name.startswith((ELEMENTS, MAPPING)):
            held = self.produced(name.partition(":")[2], module, owner, depth + 1)
            return Elements(held, mapping=name.startswith(MAPPING)) if isinstance(held, Instance) else None
        if name.startswith(VALUE):  # ``return SessionLocal``: what the module-level name holds
            written, r = name[len(VALUE) :], self.resolver
            qualname = r.qualify(written, r.model.module) if module is None else qualify_in_summary(module, written)
            return self.symbol_value(r.resolve_qualname(qualname), depth + 1) if qualname else None
        if name.startswith(ATTRIBUTE):
            path, _, receiver_name = name[len(ATTRIBUTE) :].partition(":")
            value = self.produced(receiver_name, module, owner, depth + 1)
            for attribute in path.split("."):
                value = self.member(value, attribute, depth + 1)
            return value
        if name.startswith(ENTERED):
            inner = self.produced(name[len(ENTERED) :], module, owner, depth + 1)
            return self.entered(inner, depth + 1)
        if name.startswith(PATCHED):
            return self.patched(name[len(PATCHED) :], module)
        if name.startswith(SPEC):
            return self._spec_mock(name[len(SPEC) :], module)
        awaited = name.startswith(AWAITED)
        if awaited:
            name = name[len(AWAITED) :]
        if name.startswith(PARAMETER):
            name = name[len(PARAMETER) :]
            if not name.startswith(("self.", "cls.")):
                return self._requested(name, awaited, depth)
        if name.startswith(("self.", "cls.")):  # ``self.broker.connect(...)`` of a method
            *chain, method = name.split(".")
            value = self.produced(chain[0], module, owner, depth + 1)
            for attribute in chain[1:]:
                value = self.member(value, attribute, depth + 1)
            if not isinstance(value, Instance) or value.mock:
                return None
            return self._method_result(value.cls, method, awaited, depth + 1)
        r = self.resolver
        if module is None:
            qualname = r.qualify(name, r.model.module)
        else:
            qualname = qualify_in_summary(module, name)
        if not qualname:
            return None
        if qualname in tables.LOOP_GETTERS and not awaited:  # ``return asyncio.get_running_loop()``
            loop_class = self._qualified_callable(tables.LOOP_CLASS)
            return Instance(loop_class, exact=False) if isinstance(loop_class, ClassRef) else None
        mock_module, mock_name = _mock_module(qualname)
        if mock_module:
            return (
                MockValue(mock_name in tables.ASYNC_MOCK_CLASSES, f"{mock_name}()")
                if mock_name in (tables.ASYNC_MOCK_CLASSES | tables.SYNC_MOCK_CLASSES)
                else None
            )
        target = self._qualified_callable(qualname)
        if isinstance(target, ClassRef):
            return None if awaited else Instance(target, exact=False)
        if isinstance(target, tuple):
            inner_module, facts, inner_owner = target
            if facts.kind == (ASYNC if awaited else SYNC):  # a sync factory called, a coroutine awaited
                return self.produced(facts.returns, inner_module, inner_owner, depth + 1)
        return None

    def _spec_mock(self, written: str, module: ModuleSummary | None) -> Value:
        """A mock made with a spec in another function (``return AsyncMock(spec=Repo)``): like
        one made here, its children follow the spec (a class: its async methods are AsyncMocks,
        the rest sync mocks; an ``async def``: awaitable); any other spec is unknown."""
        r = self.resolver
        mock_class, _, spec = written.partition(":")
        mock_class, as_class, _ = mock_class.partition(AUTOSPEC_CLASS)
        qualify = (
            (lambda n: r.qualify(n, r.model.module)) if module is None else (lambda n: qualify_in_summary(module, n))
        )
        _, mock_name = _mock_module(qualify(mock_class) or "")
        mock_classes = tables.ASYNC_MOCK_CLASSES | tables.SYNC_MOCK_CLASSES | {"create_autospec"}
        if mock_name not in mock_classes or not spec:
            return None
        target = self._qualified_callable(qualify(spec) or "")
        if isinstance(target, ClassRef) and as_class:  # ``create_autospec(Repo)``: calling it gives the instance mock
            return MockValue(False, f"create_autospec({target.name})", replaces=target, autospec=True)
        if isinstance(target, ClassRef):
            return Instance(target, mock=True)
        if isinstance(target, tuple) and target[1].kind == ASYNC:
            return MockValue(True, f"{mock_name}(spec={spec})")
        return None

    def _requested(self, name: str, awaited: bool, depth: int) -> Value:
        """What a fixture that returns one of its parameters returns: the fixture of that
        name, as the linted test sees it (pytest resolves a fixture's requests per test);
        for "connection.channel", what that method of the requested fixture's value returns
        (``ch = await connection.channel(); yield ch``)."""
        called = name.endswith("()")  # ``async with session_factory() as s``
        head, _, method = name.removesuffix("()").partition(".")
        found = self.fixture(head, None)
        if found is None or "." in method or (awaited and not method and not called):
            return None
        held = self.made_by_fixture(*found, depth)
        if called:
            return self.called(held, awaited, depth + 1)
        if not method:
            return held
        if not isinstance(held, Instance) or held.mock:
            return None
        return self._method_result(held.cls, method, awaited, depth + 1)

    def called(self, value: Value, awaited: bool, depth: int) -> Value:
        """What calling a value gives: an instance of a class, what an instance's ``__call__``
        returns (a session maker handed out by a fixture)."""
        if isinstance(value, ClassRef) and not awaited:
            return Instance(value, exact=False)
        if isinstance(value, Instance) and not value.mock:
            return self._method_result(value.cls, "__call__", awaited, depth + 1)
        return None

    def entered(self, value: Value, depth: int) -> Value:
        """What ``with value as v`` binds: a patcher's mock, or ``__aenter__``'s result."""
        if isinstance(value, Patcher):
            return value.mock
        if isinstance(value, Managed):
            return value.entered
        if isinstance(value, Instance):
            for method in ("__aenter__", "__enter__"):
                found = self.method_facts(value.cls, method)
                if found is not None:
                    module, facts = found
                    return self.produced(facts.returns, module, value.cls, depth + 1)
        return None

    # ------------------------------------------------------------ mocks
    def _mock_construction(self, call: cst.Call, qualname: str, scope: Scope, depth: int) -> Value | Literal[False]:
        """Mock classes, ``create_autospec`` and patchers; ``False`` when the call is none of them."""
        r = self.resolver
        module, name = _mock_module(qualname)
        if not module:
            fixture_patch = self._mocker_patch(call, scope)
            return fixture_patch if fixture_patch is not None else False
        if name in tables.ASYNC_MOCK_CLASSES or name in tables.SYNC_MOCK_CLASSES:
            spec = keyword_value(call, "spec") or keyword_value(call, "spec_set") or positional_value(call, 0)
            if spec is None:
                return MockValue(name in tables.ASYNC_MOCK_CLASSES, f"{name}()")
            spec_value = self.infer(spec, scope, depth + 1)
            if isinstance(spec_value, ClassRef):
                # children follow the spec: its async methods are AsyncMocks
                return Instance(spec_value, mock=True)
            if name in tables.ASYNC_MOCK_CLASSES:
                return MockValue(True, "AsyncMock()")
            if r.resolve_callable(spec, scope).kind == "coroutine":
                return MockValue(True, f"{name}(spec=...)")
            return None
        if name == "create_autospec":
            spec = positional_value(call, 0) or keyword_value(call, "spec")
            if spec is None:
                return None
            spec_value = self.infer(spec, scope, depth + 1)
            instance = keyword_value(call, "instance")
            if isinstance(spec_value, ClassRef):
                if isinstance(instance, cst.Name) and instance.value == "True":
                    return Instance(spec_value, mock=True)  # its async methods are AsyncMocks
                if instance is None or (isinstance(instance, cst.Name) and instance.value == "False"):
                    # a class mock: calling it gives the spec'd instance mock
                    return MockValue(False, f"create_autospec({spec_value.name})", replaces=spec_value, autospec=True)
                return None
            if r.resolve_callable(spec, scope).kind == "coroutine":
                return MockValue(True, "create_autospec(...)")
            return None
        if name in ("patch", "patch.object"):
            return self._patcher(call, name, scope)
        return None

    def patch_target(self, call: cst.Call, kind: str, scope: Scope) -> Callee | None:
        """The callee a ``patch``/``patch.object`` call replaces."""
        r = self.resolver
        if kind == "patch":
            target = string_value(positional_value(call, 0))
            return r.resolve_target(target) if target else None
        owner, attribute = positional_value(call, 0), string_value(positional_value(call, 1))
        if owner is None or attribute is None:
            return None
        return r.resolve_attribute_target(owner, attribute, scope)

    def _patcher(self, call: cst.Call, kind: str, scope: Scope) -> Value:
        new_index = 1 if kind == "patch" else 2
        if keyword_value(call, "new") is not None or positional_value(call, new_index) is not None:
            return None
        if keyword_value(call, "new_callable") is not None or keyword_value(call, "spec") is not None:
            return None
        target = self.patch_target(call, kind, scope)
        if target is None or target.kind == "unknown":
            return None
        origin = f"the mock `{self.resolver.model.code(call.func)}` creates for `{target.name}`"
        autospec = keyword_value(call, "autospec")
        if autospec is not None and not (isinstance(autospec, cst.Name) and autospec.value in ("True", "False")):
            return None  # ``autospec=SomeClass``: a spec of its own
        autospecced = isinstance(autospec, cst.Name) and autospec.value == "True"
        cls = self._patched_class(call, kind, scope) if target.kind == PLAIN else None
        return Patcher(MockValue(target.kind == "coroutine", origin, replaces=cls, autospec=autospecced))

    def _patched_class(self, call: cst.Call, kind: str, scope: Scope) -> ClassRef | None:
        """The project class ``patch("app.Repo")`` / ``patch.object(app, "Repo")`` replaces."""
        r = self.resolver
        if kind == "patch":
            qualname = string_value(positional_value(call, 0)) or ""
        else:
            owner, attribute = positional_value(call, 0), string_value(positional_value(call, 1))
            owner_name = r.qualify(owner, scope) if owner is not None else ""
            qualname = f"{owner_name}.{attribute}" if owner_name and attribute else ""
        found = self.symbol_value(r.resolve_qualname(qualname)) if qualname else None
        return found if isinstance(found, ClassRef) else None

    def class_mock_attribute(self, mock: MockValue, cls: ClassRef, attribute: str) -> Value:
        """An attribute of a mock put in place of class ``cls`` (or of its ``return_value``).
        Autospecced, it follows the class: ``return_value`` is a spec'd instance mock and an
        async method an AsyncMock. Otherwise every child is a plain MagicMock; only the
        class mock's ``return_value`` is kept, as the stand-in for the class's instances."""
        if mock.autospec:
            if attribute == "return_value" and not mock.instance:
                return Instance(cls, mock=True)
            return self._spec_child(cls, attribute)
        if attribute == "return_value" and not mock.instance:
            return MockValue(False, f"the instance {mock.origin} returns", replaces=cls, instance=True)
        return None

    def patched(self, written: str, module: ModuleSummary | None) -> Value:
        """What a patcher call summarised as ``<func>:<target>`` (a fixture's ``with patch(...)
        as m: yield m``, ``return mocker.patch(...)``) makes, read in ``module`` (None: this
        file): unittest.mock's ``patch`` a patcher, pytest-mock's ``mocker.patch`` the mock."""
        r = self.resolver
        func, _, target = written.partition(":")
        is_object = func.endswith("patch.object")
        head = func.partition(".")[0]
        if head in tables.MOCKER_FIXTURES and func.partition(".")[2] in ("patch", "patch.object"):
            make_patcher = False  # the summary writes ``mocker.patch`` only for a parameter
        else:
            qualname = r.qualify(func, r.model.module) if module is None else qualify_in_summary(module, func)
            mock_module, kind = _mock_module(qualname)
            if not mock_module or kind not in ("patch", "patch.object"):
                return None
            make_patcher = True
        if is_object:
            owner, _, attribute = target.rpartition(".")
            owner_name = r.qualify(owner, r.model.module) if module is None else qualify_in_summary(module, owner)
            if not owner_name:
                return None
            target = f"{owner_name}.{attribute}"
        callee = r.resolve_target(target)
        if callee.kind == UNKNOWN:
            return None
        replaced = self.symbol_value(r.resolve_qualname(target)) if callee.kind == PLAIN else None
        cls = replaced if isinstance(replaced, ClassRef) else None
        mock = MockValue(callee.kind == COROUTINE, f"the mock `{func}` creates for `{target}`", replaces=cls)
        return Patcher(mock) if make_patcher else mock

    def _mocker_patch(self, call: cst.Call, scope: Scope) -> Value:
        name = dotted(call.func)
        head, _, rest = name.partition(".")
        if rest not in ("patch", "patch.object"):
            return None
        binding = self.resolver.lookup(head, scope)
        if binding is None or binding.kind != "param" or head not in tables.MOCKER_FIXTURES:
            return None
        patcher = self._patcher(call, rest, scope)
        return patcher.mock if isinstance(patcher, Patcher) else None

    # ------------------------------------------------------------ parameters
    def parameter(self, name: str, function: FunctionScope, depth: int) -> Value:
        """A parameter: a mock injected by a ``@patch`` decorator, or the fixture it names."""
        injected = self._patch_injected(name, function)
        if injected is not None:
            return injected
        if self._parametrized(name, function):
            return None
        fixture = self.fixture(name, function)
        if fixture is None:
            return None
        return self.made_by_fixture(*fixture, depth)

    def _fixture_value(self, call: cst.Call, func: cst.Attribute, scope: Scope, depth: int) -> Value:
        """``request.getfixturevalue("client")``: the fixture ``client`` as pytest resolves it
        for the test or fixture whose ``request`` parameter is asked."""
        r = self.resolver
        name = string_value(positional_value(call, 0))
        if not name or not isinstance(func.value, cst.Name) or func.value.value != "request" or len(call.args) != 1:
            return None
        binding = r.lookup("request", scope)
        function = r.owner("request", scope)
        if binding is None or binding.kind != "param" or not isinstance(function, FunctionScope):
            return None
        if self.fixture("request", function) is not None:
            return None  # a project fixture named ``request``: not pytest's
        found = self.fixture(name, function)
        return self.made_by_fixture(*found, depth) if found is not None else None

    def made_by_fixture(
        self, module: ModuleSummary | None, facts: FunctionFacts, owner: ClassRef | None, depth: int
    ) -> Value:
        """What a fixture hands its test: what it evidently returns or yields; a mock keeps
        the children the fixture set on it (``m.parsed = MagicMock()`` on an AsyncMock: that
        child is a sync mock, not the AsyncMock child the parent would make)."""
        value = self.produced(facts.returns, module, owner, depth + 1)
        if not isinstance(value, MockValue) or not facts.children:
            return value
        r = self.resolver
        children: list[tuple[str, bool | None]] = []
        for written in facts.children:
            child, _, made = written.partition("=")
            qualname = (
                ""
                if not made
                else r.qualify(made, r.model.module)
                if module is None
                else qualify_in_summary(module, made)
            )
            mock_module, mock_name = _mock_module(qualname) if qualname else ("", "")
            awaitable: bool | None = None
            if mock_module and mock_name in tables.ASYNC_MOCK_CLASSES | tables.SYNC_MOCK_CLASSES:
                awaitable = mock_name in tables.ASYNC_MOCK_CLASSES
            children.append((child, awaitable))
        return dataclasses.replace(value, children=tuple(children))

    def _patch_injected(self, name: str, function: FunctionScope) -> Value:
        assert function.node is not None
        params = [p for p in function.params if p not in ("self", "cls")]
        if name not in params:
            return None
        r = self.resolver
        mocks: list[Value] = []
        for decorator in reversed(function.node.decorators):
            expr = decorator.decorator
            if not isinstance(expr, cst.Call):
                continue
            module, kind = _mock_module(r.qualify(expr.func, function.parent))
            if not module or kind not in ("patch", "patch.object"):
                continue
            new_index = 1 if kind == "patch" else 2
            if keyword_value(expr, "new") is not None or positional_value(expr, new_index) is not None:
                continue  # with ``new`` no argument is injected
            patcher = self._patcher(expr, kind, function.parent or function)
            mocks.append(patcher.mock if isinstance(patcher, Patcher) else None)
        index = params.index(name)
        return mocks[index] if index < len(mocks) else None

    def _parametrized(self, name: str, function: FunctionScope) -> bool:
        """A ``parametrize`` decorator gives ``name`` its value directly (the fixture of that
        name is shadowed), unless it hands the value to the fixture (``indirect=True`` or
        ``indirect=["name"]``): then the fixture still makes what the test gets."""
        assert function.node is not None
        code = self.resolver.model.code
        return any(
            "parametrize" in dotted(d.decorator) and name in code(d.decorator) and not _indirect(d.decorator, name)
            for d in function.node.decorators
        )

    def fixture(
        self, name: str, function: FunctionScope | None
    ) -> tuple[ModuleSummary | None, FunctionFacts, ClassRef | None] | None:
        """The fixture ``name`` as pytest resolves it for ``function`` (None: from the module):
        class, module, conftests, plugins."""
        r = self.resolver
        cls = function.owner_class if function is not None else None
        if cls is not None:
            method = cls.methods.get(name)
            if method is not None and r.is_fixture_function(method):
                facts = r.local_facts(method)
                return (None, facts, ClassRef(local=cls)) if facts is not None else None
            if method is None and not cls.bindings.get(name):
                inherited = self._inherited_fixture(cls, name)
                if inherited is not False:
                    return inherited
        binding = r.model.module.bindings.get(name)
        if binding and len(binding) == 1 and binding[0].kind == "def" and binding[0].function is not None:
            local = binding[0].function
            if r.is_fixture_function(local):
                facts = r.local_facts(local)
                return (None, facts, None) if facts is not None else None
        if name not in self._fixtures:
            self._fixtures[name] = self._external_fixture(name)
        found = self._fixtures[name]
        return (found[0], found[1], None) if found is not None else None

    def _inherited_fixture(
        self, cls: ClassScope, name: str
    ) -> tuple[ModuleSummary | None, FunctionFacts, ClassRef | None] | None | Literal[False]:
        """A fixture method a test class inherits, the nearest base first; ``False`` when no
        base defines ``name`` (the module and conftests come next), None when unsure."""
        r = self.resolver
        for ancestor in ancestors(cls, r) or ():
            if ancestor.local is not None:
                method = ancestor.local.methods.get(name)
                if method is None:
                    continue
                facts = r.local_facts(method) if r.is_fixture_function(method) else None
                return (None, facts, ClassRef(local=ancestor.local)) if facts is not None else None
            if ancestor.facts is not None and ancestor.summary is not None:
                inherited = ancestor.facts.methods.get(name)
                if inherited is None:
                    continue
                if not inherited.is_fixture:
                    return None
                return (ancestor.summary, inherited, _project_class(ancestor))
        return False

    def _external_fixture(self, name: str) -> tuple[ModuleSummary, FunctionFacts] | None:
        r = self.resolver
        chain = [r.index.summary_for_path(p) for p in r.index.conftest_chain(r.path)]
        for summary in reversed(chain):  # the nearest conftest wins
            facts = summary.functions.get(name)
            if facts is not None and r.summarised_fixture_decorator(summary, facts) is not None:
                return (summary, facts)
        plugins = [*r.summary.pytest_plugins, *(p for s in chain for p in s.pytest_plugins)]
        for plugin in plugins:
            plugin_summary = r.index.summary(plugin)
            if plugin_summary is None:
                continue
            facts = plugin_summary.functions.get(name)
            if facts is not None and r.summarised_fixture_decorator(plugin_summary, facts) is not None:
                return (plugin_summary, facts)
        return None

    def assigned_mock(self, expr: cst.Attribute, scope: Scope, depth: int) -> MockValue | None:
        """``obj.attr`` / ``Class.method`` that the same function (or the module) set to a mock
        with ``obj.attr = AsyncMock(...)``: the last such assignment in that scope decides."""
        r = self.resolver
        text = r.model.code(expr)
        function = scope if isinstance(scope, FunctionScope) else None
        found: MockValue | None = None
        for assignment in r.model.attribute_assignments:
            home = assignment.scope
            if home is not function and not isinstance(home, ModuleScope):
                continue
            if assignment.target.attr.value != expr.attr.value or r.model.code(assignment.target) != text:
                continue
            value = self.infer(assignment.value, home, depth + 1)
            found = value if isinstance(value, MockValue) else None
        return found

    def self_attribute(self, cls: ClassScope, attr: str, depth: int) -> Value:
        """``self.client`` assigned once, in a set-up method or ``__init__`` of the class, or,
        when the class itself never assigns it, of a base or mixin of this file whose set-up
        runs for it (``IsolatedAsyncioTestCase`` suites share ``asyncSetUp`` through mixins)."""
        r = self.resolver
        assigned = self._self_assignments()
        values = assigned.get((id(cls), attr), [])
        if not values:
            return self._inherited_attribute(cls, attr, depth)
        if any(scope.name not in SETUP_METHODS and not r.is_fixture_function(scope) for _, scope in values):
            return None
        held = [self.infer(value, scope, depth + 1) for value, scope in values]
        return held[0] if all(h == held[0] for h in held) else None  # alike in ``setUp`` and ``asyncSetUp``

    def _inherited_attribute(self, cls: ClassScope, attr: str, depth: int) -> Value:
        """``self.attr`` set by the set-up method of exactly one class in the ancestry. Unsure
        (silent) when a base is unreadable, when several classes set it, when a class nearer in
        the MRO overrides that set-up method without calling ``super()`` (the mixin's never
        runs), or when a library base comes first (``class T(TestCase, Mixin)``: its set-up
        runs instead)."""
        r = self.resolver
        found = ancestors(cls, r)
        if not found:
            return None
        if any(a.facts is not None for a in found):
            return self._project_attribute(cls, found, attr, depth)
        chain = [cls, *(a.local for a in found if a.local is not None)]
        assigned = self._self_assignments()
        values = [v for c in chain for v in assigned.get((id(c), attr), [])]
        if len(values) != 1:
            return None
        value, scope = values[0]
        if scope.name not in SETUP_METHODS or scope.owner_class is None:
            return None
        for ancestor in found:
            if ancestor.local is scope.owner_class:
                break
            if ancestor.external:
                return None  # ``class T(TestCase, Mixin)``: TestCase's own set-up comes first
        position = next(i for i, c in enumerate(chain) if c is scope.owner_class)  # identity: scopes nest deep
        if any(self._skips_super(nearer, (scope.name,)) for nearer in chain[:position]):
            return None
        return self.infer(value, scope, depth + 1)

    def _project_attribute(self, cls: ClassScope, found: list[Ancestor], attr: str, depth: int) -> Value:
        """``self.attr`` held as a project base or mixin of another module sets it up (its
        summary's attributes), when no class of this file in the ancestry assigns it, no
        library base comes before it, and no class before it has set-up methods of its own
        (one that skips ``super()`` would keep the mixin's from running)."""
        assigned = self._self_assignments()
        for nearer in [cls, *(a.local for a in found if a.local is not None)]:
            if assigned.get((id(nearer), attr)) or self._skips_super(nearer, SETUP_METHODS):
                return None
        for ancestor in found:
            if ancestor.external:
                return None
            if ancestor.facts is None or ancestor.summary is None:
                continue
            held = ancestor.facts.attributes.get(attr)
            if held is not None:
                return self.produced(held, ancestor.summary, _project_class(ancestor), depth + 1)
            if any(method in ancestor.facts.methods for method in SETUP_METHODS):
                return None
        return None

    def _skips_super(self, cls: ClassScope, methods: tuple[str, ...]) -> bool:
        """Whether ``cls`` defines one of ``methods`` without calling ``super()``: the same
        method of a class after it in the MRO (a mixin's set-up) then never runs."""
        for name in methods:
            override = cls.methods.get(name)
            if override is not None and (
                override.node is None or "super()" not in self.resolver.model.code(override.node)
            ):
                return True
        return False

    def _self_assignments(self) -> dict[tuple[int, str], list[tuple[cst.BaseExpression, FunctionScope]]]:
        """``self.attr = value`` in methods, by (class, attribute): one pass per file. Tear-down
        methods are left out: they run after the test."""
        memo = self.resolver.model.memo
        key = ("self-assignments", 0)
        found = memo.get(key)
        if isinstance(found, dict):
            return found
        table: dict[tuple[int, str], list[tuple[cst.BaseExpression, FunctionScope]]] = {}
        for assignment in self.resolver.model.attribute_assignments:
            target, scope = assignment.target, assignment.scope
            if not isinstance(target.value, cst.Name) or target.value.value not in ("self", "cls"):
                continue
            if not isinstance(scope, FunctionScope) or scope.owner_class is None or scope.name in TEARDOWN_METHODS:
                continue
            table.setdefault((id(scope.owner_class), target.attr.value), []).append((assignment.value, scope))
        memo[key] = table
        return table
