"""The one place that answers "what does this call return?".

Every await/mock rule asks :meth:`Resolver.callee`; teaching it a new form of
inference improves all of them at once. Anything it cannot prove resolves to
``UNKNOWN`` and the rules stay silent.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import libcst as cst

from asynclint.index.project import ProjectIndex, Symbol
from asynclint.index.summary import (
    ASYNC,
    FIXTURE_WORDS,
    IDENTITY,
    PARTIAL,
    PASSTHROUGH,
    SYNC,
    ClassFacts,
    FunctionFacts,
    ModuleSummary,
    qualify_in_summary,
)
from asynclint.semantics import tables
from asynclint.semantics.ancestry import ancestors
from asynclint.semantics.callee import ASYNC_GENERATOR, COROUTINE, FUTURE, PLAIN, UNKNOWN, Callee
from asynclint.semantics.filemodel import (
    Binding,
    CallSite,
    ClassScope,
    FileModel,
    FunctionScope,
    ModuleScope,
    Scope,
    dotted,
)
from asynclint.semantics.values import ClassRef, Instance, MockValue, ValueInference

MAX_LINEAGE = 32  # classes walked up a project class's bases looking for a library base
_KEEPING_DECORATORS = frozenset({"staticmethod", "classmethod"})
# Decorators that return the function they get (markers for type checkers and ABCs).
_IDENTITY_DECORATORS = frozenset(
    {
        "abc.abstractmethod",
        "typing.override",
        "typing_extensions.override",
        "typing.final",
        "typing_extensions.final",
        "typing.no_type_check",
    }
)
# Decorators whose result, when called, still returns the coroutine (not a test runner).
# How many aliases in a row ``qualify`` follows (``a = b``, ``b = c``, ...).
_MAX_ALIASES = 4
_CALL_KEEPING_DECORATORS = frozenset({"functools.lru_cache", "functools.cache"})
_PATCH_DECORATORS = tuple(
    f"{module}.{name}"
    for module in tables.MOCK_MODULES
    for name in ("patch", "patch.object", "patch.dict", "patch.multiple")
)


def is_mark(qualname: str) -> bool:
    parts = qualname.split(".")
    return len(parts) >= 3 and parts[0] in tables.PYTEST_MODULES and parts[-2] == "mark"


class Resolver:
    """Name and call resolution for one linted file within its project."""

    def __init__(self, model: FileModel, summary: ModuleSummary, index: ProjectIndex, path: Path) -> None:
        self.model = model
        self.summary = summary
        self.index = index
        self.path = path
        self.values = ValueInference(self)
        self._stars: dict[str, Binding | None] = {}
        self._aliases: dict[str, str] = {}  # qualified name -> what its project alias names ("")
        # (dotted text, id of the scope) -> ``qualify``'s answer: rules ask it of the same call
        # again and again (ids of scopes: the model keeps every scope alive as long as this).
        self._qualify_memo: dict[tuple[str, int], str] = {}
        self._from_imports: dict[int, Binding] = {}  # id of a from-import binding -> what it names

    # ------------------------------------------------------------ names
    def lookup(self, name: str, scope: Scope | None) -> Binding | None:
        """The single binding ``name`` has where ``scope`` sees it (None: unbound or ambiguous)."""
        first = True
        while scope is not None:
            if first or not isinstance(scope, ClassScope):
                found = scope.bindings.get(name)
                if found:
                    single = _single(found)
                    if single is not None and single.kind == "import" and single.module:
                        return self._from_imported(single)
                    return single
            first = False
            scope = scope.parent
        return self._star_imported(name)

    def _from_imported(self, binding: Binding) -> Binding:
        """``from app.services import cache`` where the package's ``__init__`` re-exports
        ``from .cache import cache``: the name is the package's attribute (the object), not its
        submodule of the same name, so the binding names what the package imported."""
        known = self._from_imports.get(id(binding))
        if known is not None:
            return known
        result = binding
        package, name = binding.module, binding.qualname[len(binding.module) + 1 :]
        if "." not in name and binding.qualname.startswith(package + "."):
            # project packages only: reading a library's summary for every ``from x import y``
            # would cost more than the rare shadowed submodule is worth
            shadowed = self.index.find_module(binding.qualname) is not None  # a submodule ``name``
            summary = self.index.summary(package) if shadowed else None
            target = summary.imports.get(name) if summary is not None and summary.is_package else None
            if target and target != binding.qualname:
                result = replace(binding, qualname=target)
        self._from_imports[id(binding)] = result
        return result

    def _star_imported(self, name: str) -> Binding | None:
        """``from app import *`` at module level: ``name`` is what that project module exports."""
        if not self.summary.star_imports:
            return None
        if name not in self._stars:
            self._stars[name] = None
            for module in self.summary.star_imports:
                star = self.index.summary(module)
                if star is None or (star.all_names is not None and name not in star.all_names):
                    continue
                if star.all_names is None and name.startswith("_"):
                    continue
                if self.index.resolve_in_module(star, [name]) is not None:
                    self._stars[name] = Binding("import", qualname=f"{module}.{name}")
                    break
        return self._stars[name]

    def qualify(self, expr: cst.BaseExpression | str, scope: Scope | None, _depth: int = 0) -> str:
        """Fully qualified dotted name of an imported name chain ("" when not an import).

        Module-level aliases are followed, in this file and in project modules
        (``aio = pytest.mark.asyncio``, ``gel = asyncio.get_event_loop``): a name bound once
        to another name is that name for every rule. Memoised per name and scope."""
        text = expr if isinstance(expr, str) else dotted(expr)
        if not text:
            return ""
        if _depth:
            return self._qualify(text, scope, _depth)
        key = (text, id(scope))
        found = self._qualify_memo.get(key)
        if found is None:
            found = self._qualify_memo[key] = self._qualify(text, scope, 0)
        return found

    def _qualify(self, text: str, scope: Scope | None, _depth: int) -> str:
        head, _, rest = text.partition(".")
        binding = self.lookup(head, scope)
        if binding is None:
            if head in _KEEPING_DECORATORS and not rest:
                return head
            return ""
        if binding.kind == "import":
            qualname = f"{binding.qualname}.{rest}" if rest else binding.qualname
            return self.project_alias(qualname, _depth) or qualname
        if binding.kind == "value" and _depth < _MAX_ALIASES and isinstance(binding.value, (cst.Name, cst.Attribute)):
            owner = self.owner(head, scope)
            target = dotted(binding.value)
            if isinstance(owner, ModuleScope) and target and target.partition(".")[0] != head:
                aliased = self.qualify(f"{target}.{rest}" if rest else target, owner, _depth + 1)
                if aliased:
                    return aliased
        if binding.kind in ("def", "class") and isinstance(self.owner(head, scope), ModuleScope):
            own = f"{self.model.module_name}.{head}" if self.model.module_name else head
            return f"{own}.{rest}" if rest else own
        return ""

    def project_alias(self, qualname: str, depth: int) -> str:
        """What ``app.marks.aio`` stands for when the project module ``app.marks`` binds
        ``aio`` once to another name (followed through its imports); "" when it does not.
        Library modules are not followed: the tables name their public spellings."""
        if depth >= _MAX_ALIASES:
            return ""
        known = self._aliases.get(qualname)
        if known is None:
            known = self._aliases[qualname] = self._alias_of(qualname, depth)
        return known

    def _alias_of(self, qualname: str, depth: int) -> str:
        parts = qualname.split(".")
        for i in range(len(parts) - 1, 0, -1):
            summary = self.index.summary(".".join(parts[:i]))
            if summary is None:
                continue
            name = parts[i]
            target = summary.aliases.get(name)
            if target is None or name in summary.imports:
                return ""
            found = qualify_in_summary(summary, target)
            if not found:
                return ""
            found = ".".join([found, *parts[i + 1 :]])
            return self.project_alias(found, depth + 1) or found
        return ""

    def called_qualname(self, func: cst.BaseExpression, scope: Scope | None, _depth: int = 0) -> str:
        """The qualified name of the function a call of ``func`` runs, through a name of this
        file bound once to another (``run = subprocess.run``) or to ``functools.partial(f, ...)``:
        "" when that is not evident."""
        if _depth > 4:
            return ""
        if isinstance(func, cst.Name):
            binding = self.lookup(func.value, scope)
            if binding is not None and binding.kind == "value" and binding.value is not None:
                owner = self.owner(func.value, scope) or scope
                value = binding.value
                if isinstance(value, cst.Call) and self.qualify(value.func, owner) == "functools.partial":
                    wrapped = value.args[0] if value.args else None
                    if wrapped is None or wrapped.keyword is not None or wrapped.star:
                        return ""
                    return self.called_qualname(wrapped.value, owner, _depth + 1)
                if isinstance(value, (cst.Name, cst.Attribute)):
                    return self.called_qualname(value, owner, _depth + 1)
                return ""
        # (a partial imported from another module is not followed: the index would read a
        # summary for every imported name called in async code, for a rare shape)
        return self.qualify(func, scope)

    def owner(self, name: str, scope: Scope | None) -> Scope | None:
        first = True
        while scope is not None:
            if (first or not isinstance(scope, ClassScope)) and name in scope.bindings:
                return scope
            first = False
            scope = scope.parent
        return None

    # ------------------------------------------------------------ calls
    def callee(self, site: CallSite) -> Callee:
        return self.resolve_callable(site.node.func, site.scope)

    def resolve_callable(self, func: cst.BaseExpression, scope: Scope, _depth: int = 0) -> Callee:
        if isinstance(func, cst.Call):
            # ``make()()``: the result of make() called, when it is an instance of a known class
            held = self.values.infer(func, scope)
            if isinstance(held, Instance) and not held.mock:
                return self._held_member(held, "__call__", scope, self.model.code(func))
            return Callee(UNKNOWN, "")
        if (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Call)
            and isinstance(func.value.func, cst.Name)
            and func.value.func.value == "super"
            and not func.value.args
            and self.lookup("super", scope) is None
        ):
            return self._super_member(func.attr.value, scope, self.model.code(func))
        name = dotted(func)
        if not name:
            if isinstance(func, cst.Attribute):  # ``make_client().get()``
                return self._receiver_member(func, scope, self.model.code(func))
            return Callee(UNKNOWN, "")
        head, _, rest = name.partition(".")
        binding = self.lookup(head, scope)
        if binding is None:
            return Callee(UNKNOWN, name)
        if binding.kind == "def" and binding.function is not None and not rest:
            return self._local_function(binding.function, name)
        if binding.kind == "class" and binding.cls is not None:
            if not rest:
                return Callee(PLAIN, name)
            if "." not in rest:
                return self._class_method(binding.cls, rest, name)
            if isinstance(func, cst.Attribute):  # ``Settings.pool.close``
                return self._receiver_member(func, scope, name)
            return Callee(UNKNOWN, name)
        if binding.kind == "import":
            return self._qualified(f"{binding.qualname}.{rest}" if rest else binding.qualname, name)
        if binding.kind == "param" and head in ("self", "cls") and rest and "." not in rest:
            owner = self.owner(head, scope)
            if isinstance(owner, FunctionScope) and owner.owner_class is not None:
                return self._class_method(owner.owner_class, rest, name)
            return Callee(UNKNOWN, name)
        if not rest and binding.kind == "value" and isinstance(binding.value, (cst.Name, cst.Attribute)) and _depth < 4:
            # ``f = fetch; f()``: a function rebound to a local name
            found = self.resolve_callable(binding.value, self.owner(head, scope) or scope, _depth + 1)
            if found.kind != UNKNOWN:
                return found
        if not rest and binding.kind == "value" and isinstance(binding.value, cst.Call) and _depth < 4:
            # ``f = functools.partial(fetch, 1); f()``: calling it calls ``fetch``
            owner = self.owner(head, scope) or scope
            wrapped = binding.value.args[0] if binding.value.args else None
            if (
                self.qualify(binding.value.func, owner) == "functools.partial"
                and wrapped is not None
                and wrapped.keyword is None
                and not wrapped.star
                and isinstance(wrapped.value, (cst.Name, cst.Attribute))
            ):
                found = self.resolve_callable(wrapped.value, owner, _depth + 1)
                if found.kind != UNKNOWN:
                    return found
        if not rest:
            value = self.values.infer(func, scope)
            if isinstance(value, MockValue) and value.awaitable:
                return Callee(COROUTINE, name, "", value.origin if value.origin != "AsyncMock()" else "an AsyncMock")
            if isinstance(value, Instance) and not value.mock:
                return self._held_member(value, "__call__", scope, name)  # calling an instance
            return Callee(UNKNOWN, name)
        if isinstance(func, cst.Attribute):
            return self._receiver_member(func, scope, name)
        return Callee(UNKNOWN, name)

    def _super_member(self, method: str, scope: Scope, name: str) -> Callee:
        """``super().method()`` directly in a method of a class with one base: that base's
        ``method`` (with several bases the next class in the MRO is not evident)."""
        function = scope
        if not isinstance(function, FunctionScope) or function.owner_class is None:
            return Callee(UNKNOWN, name)  # zero-argument super() needs the method's own frame
        cls = function.owner_class
        assert cls.node is not None
        if len(cls.node.bases) != 1 or cls.node.bases[0].keyword is not None or cls.node.keywords:
            return Callee(UNKNOWN, name)
        base_name = dotted(cls.node.bases[0].value)
        binding = self.lookup(base_name.partition(".")[0], cls.parent) if base_name else None
        if binding is None:
            return Callee(UNKNOWN, name)
        if binding.kind == "class" and binding.cls is not None and "." not in base_name:
            return self._class_method(binding.cls, method, name)
        qualname = self.qualify(base_name, cls.parent)
        symbol = self.resolve_qualname(qualname) if qualname else None
        if symbol is None or symbol.kind != "class" or symbol.cls is None:
            return Callee(UNKNOWN, name)
        found = self.index.find_method(symbol.module, symbol.cls, method)
        return self._symbol_callee(found, name) if found is not None else Callee(UNKNOWN, name)

    def _receiver_member(self, func: cst.Attribute, scope: Scope, name: str) -> Callee:
        """``receiver.method``: what the receiver holds decides which method it is."""
        receiver = self.values.infer(func.value, scope)
        if isinstance(receiver, Instance):
            return self._held_member(receiver, func.attr.value, scope, name)
        if isinstance(receiver, ClassRef):
            return self._member(receiver, func.attr.value, name)
        return Callee(UNKNOWN, name)

    def _held_member(self, receiver: Instance, method: str, scope: Scope, name: str) -> Callee:
        """``method`` of an instance; for one known only by annotation or factory, not when a
        subclass nearby redefines it as a plain ``def``."""
        found = self._member(receiver.cls, method, name)
        if not receiver.exact and found.awaitable and self._overridden_nearby(receiver.cls, method, scope):
            return Callee(UNKNOWN, name)
        return found

    def _overridden_nearby(self, cls: ClassRef, method: str, scope: Scope) -> bool:
        """A subclass of this file that redefines ``method`` as a plain ``def`` and is named in
        the calling function: an instance known only by annotation may well be that subclass
        (aiohttp: ``ClientRequest(..., response_class=CustomResponse)``)."""
        function: Scope | None = scope
        while function is not None and not isinstance(function, FunctionScope):
            function = function.parent
        if not isinstance(function, FunctionScope) or function.node is None:
            return False
        body = ""
        for candidate in self.model.classes:
            override = candidate.methods.get(method)
            if override is None or override.is_async or candidate is cls.local:
                continue
            body = body or self.model.code(function.node)
            if re.search(rf"\b{re.escape(candidate.name)}\b", body) and self._derives_from(candidate, cls):
                return True
        return False

    def library_base(self, func: cst.BaseExpression, scope: Scope, names: Collection[str], method: str) -> str:
        """For ``Api(...).method``: the one of ``names`` (library classes, as written) that a
        project class ``Api`` derives from and takes ``method`` from unchanged; "" when none.
        A project class in the chain that defines ``__init__`` (it may install an in-process
        transport) or ``method`` itself makes the answer "" too: unsure means silent."""
        cls = self.values.callable_value(func, scope, 0)
        if not isinstance(cls, ClassRef) or not self._in_project(cls):
            return ""
        found = self.values.method_facts(cls, method)
        if found is None or found[0] is None or self._in_project_path(found[0].path):
            return ""  # not inherited from a library (or defined in this file)
        stack: list[tuple[ModuleSummary, ClassFacts]] = []
        if cls.local is not None:
            if "__init__" in cls.local.methods:
                return ""
            chain = ancestors(cls.local, self)
            if chain is None:
                return ""
            for ancestor in chain:
                if ancestor.local is not None and "__init__" in ancestor.local.methods:
                    return ""
                if ancestor.qualname in names:
                    return ancestor.qualname
                if ancestor.facts is not None and ancestor.summary is not None:
                    stack.append((ancestor.summary, ancestor.facts))
        else:
            assert cls.symbol is not None and cls.symbol.cls is not None
            stack.append((cls.symbol.module, cls.symbol.cls))
        for _ in range(MAX_LINEAGE):
            if not stack:
                break
            summary, facts = stack.pop(0)
            if not self._in_project_path(summary.path):
                continue  # a library class: its bases are the library's business
            if facts.has_init:
                return ""
            for base in facts.bases:
                written = qualify_in_summary(summary, base)
                if written in names:
                    return written
                owner = self.index.resolve_base(summary, base)
                if owner is not None and owner.cls is not None:
                    if owner.qualname in names:
                        return owner.qualname
                    stack.append((owner.module, owner.cls))
        return ""

    def _in_project(self, cls: ClassRef) -> bool:
        if cls.local is not None:
            return True
        assert cls.symbol is not None
        return self._in_project_path(cls.symbol.module.path)

    def _in_project_path(self, path: str) -> bool:
        where = self.relative(path)
        return not (where.startswith("../") or Path(where).is_absolute())

    def _derives_from(self, candidate: ClassScope, cls: ClassRef) -> bool:
        if cls.local is not None:
            return any(a.local is cls.local for a in ancestors(candidate, self) or ())
        assert cls.symbol is not None
        return any(a.facts is cls.symbol.cls for a in ancestors(candidate, self) or ())

    def _member(self, cls: ClassRef, method: str, name: str) -> Callee:
        if cls.local is not None:
            return self._class_method(cls.local, method, name)
        assert cls.symbol is not None and cls.symbol.cls is not None
        found = self.index.find_method(cls.symbol.module, cls.symbol.cls, method)
        return self._symbol_callee(found, name) if found is not None else Callee(UNKNOWN, name)

    def _qualified(self, qualname: str, name: str) -> Callee:
        if qualname in tables.LIBRARY_COROUTINES:
            return Callee(COROUTINE, name, qualname, f"the coroutine function {qualname}")
        if qualname in tables.LIBRARY_FUTURES:
            return Callee(FUTURE, name, qualname, f"{qualname}, which returns a future")
        symbol = self.resolve_qualname(qualname)
        if symbol is None:
            return self._variable_member(qualname, name)
        return self._symbol_callee(symbol, name)

    def _variable_member(self, qualname: str, name: str) -> Callee:
        """``app.db.client.get``: a method of what a module-level variable holds."""
        holder, _, attr = qualname.rpartition(".")
        symbol = self.resolve_qualname(holder) if holder else None
        if symbol is None and "." in holder:  # ``Settings.client.get``: a class attribute
            cls, _, field = holder.rpartition(".")
            owner = self.values.symbol_value(self.resolve_qualname(cls))
            value = self.values.class_attribute(owner, field, 1) if isinstance(owner, ClassRef) else None
            return (
                self._member(value.cls, attr, name) if isinstance(value, Instance) else Callee(UNKNOWN, name, qualname)
            )
        if symbol is None or symbol.kind != "variable":
            return Callee(UNKNOWN, name, qualname)
        value = self.values.symbol_value(symbol)
        if isinstance(value, Instance):
            return self._member(value.cls, attr, name)
        return Callee(UNKNOWN, name, qualname)

    def resolve_qualname(self, qualname: str) -> Symbol | None:
        """Index resolution, with this file's own (possibly unsaved) summary for its own names."""
        own = self.model.module_name
        if own and qualname.startswith(own + "."):
            return self.index.resolve_in_module(self.summary, qualname[len(own) + 1 :].split("."))
        return self.index.resolve(qualname)

    def _symbol_callee(self, symbol: Symbol, name: str) -> Callee:
        if symbol.kind in ("function", "method") and symbol.function is not None:
            kind = self.facts_kind(symbol.module, symbol.function)
            where = self.describe(symbol)
            return Callee(kind, name, symbol.qualname, where)
        if symbol.kind == "class":
            return Callee(PLAIN, name, symbol.qualname)
        if symbol.kind == "variable" and symbol.value and symbol.value.startswith(PARTIAL):
            # ``fetch_one = functools.partial(fetch, 1)``: calling it calls ``fetch``
            target = qualify_in_summary(symbol.module, symbol.value[len(PARTIAL) :])
            if target and target != symbol.qualname:
                found = self._qualified(target, name)
                return found if found.kind != UNKNOWN else Callee(UNKNOWN, name, symbol.qualname)
        return Callee(UNKNOWN, name, symbol.qualname)

    def describe(self, symbol: Symbol) -> str:
        facts = symbol.function
        assert facts is not None
        owner = f"{symbol.cls.name}." if symbol.cls is not None and symbol.kind == "method" else ""
        prefix = "async def" if facts.kind != SYNC else "def"
        where = self.relative(symbol.module.path)
        if where.startswith("../") or Path(where).is_absolute():  # a library: its module's path
            module = symbol.module
            where = module.module.replace(".", "/") + ("/__init__.py" if module.is_package else ".py")
        return f"{prefix} {owner}{facts.name} in {where}:{facts.line}"

    def relative(self, path: str) -> str:
        try:
            return Path(os.path.relpath(path, self.index.root)).as_posix()
        except ValueError:
            return path

    def facts_kind(self, summary: ModuleSummary, facts: FunctionFacts) -> str:
        """Call behaviour of an indexed function, given its decorators."""
        if facts.kind == SYNC:
            return PLAIN if not facts.decorators else UNKNOWN
        for decorator in facts.decorators:
            qualname = qualify_in_summary(summary, decorator)
            if not self.keeps_coroutine(qualname, for_call=True):
                return UNKNOWN
        return COROUTINE if facts.kind == ASYNC else ASYNC_GENERATOR

    def keeps_coroutine(self, qualname: str, for_call: bool = False) -> bool:
        """Whether a decorator leaves an ``async def`` a coroutine function.

        ``for_call`` asks the weaker question "does calling it still return a
        coroutine?": true also for pass-through sync wrappers and ``lru_cache``,
        which pytest would not run as coroutine tests.
        """
        if not qualname:
            return False
        if qualname in _KEEPING_DECORATORS or qualname in _IDENTITY_DECORATORS or is_mark(qualname):
            return True
        if qualname.startswith(_PATCH_DECORATORS):
            return True
        if for_call and qualname in _CALL_KEEPING_DECORATORS:
            return True
        symbol = self.resolve_qualname(qualname)
        if symbol is None or symbol.function is None:
            return False
        kept = (ASYNC, PASSTHROUGH, IDENTITY) if for_call else (ASYNC, IDENTITY)
        return symbol.function.wrapper_kind in kept

    def _local_function(self, function: FunctionScope, name: str) -> Callee:
        assert function.node is not None
        for decorator in function.node.decorators:
            expr = decorator.decorator
            qualname = self.qualify(expr, function.parent)
            if not qualname:
                head = dotted(expr).partition(".")[0]
                if head in _KEEPING_DECORATORS and self.lookup(head, function.parent) is None:
                    qualname = head
            if not self.keeps_coroutine(qualname, for_call=True):
                return Callee(UNKNOWN, name)
        if function.kind == SYNC:
            return Callee(PLAIN, name)
        owner = f"{function.owner_class.name}." if function.owner_class else ""
        line = self._line_of(function)
        where = f"async def {owner}{function.name} " + (f"at line {line}" if line else "in this file")
        return Callee(COROUTINE if function.kind == ASYNC else ASYNC_GENERATOR, name, "", where)

    def _line_of(self, function: FunctionScope) -> int:
        """The definition line, known for module-level functions and methods (0 otherwise)."""
        facts = self.local_facts(function)
        return facts.line if facts else 0

    def _class_method(self, cls: ClassScope, method: str, name: str) -> Callee:
        """``self.method`` / ``Cls.method``: the class body first, then its bases."""
        found = self.class_method_symbol(cls, method)
        if isinstance(found, FunctionScope):
            return self._local_function(found, name)
        if isinstance(found, Symbol):
            return self._symbol_callee(found, name)
        return Callee(UNKNOWN, name)

    def class_method_symbol(self, cls: ClassScope, method: str, depth: int = 0) -> FunctionScope | Symbol | None:
        """Where ``cls.method`` is defined (an override in a subclass wins); None if unknown."""
        found = cls.methods.get(method)
        if found is not None:
            return found
        if cls.bindings.get(method) or depth > 8:
            return None
        assert cls.node is not None
        for base in cls.node.bases:
            base_name = dotted(base.value)
            binding = self.lookup(base_name.partition(".")[0], cls.parent)
            if binding is None:
                return None
            if binding.kind == "class" and binding.cls is not None and "." not in base_name:
                inherited = self.class_method_symbol(binding.cls, method, depth + 1)
                if inherited is not None:
                    return inherited
                continue
            qualname = self.qualify(base_name, cls.parent)
            symbol = self.resolve_qualname(qualname) if qualname else None
            if symbol is None or symbol.kind != "class" or symbol.cls is None:
                return None
            inherited_symbol = self.index.find_method(symbol.module, symbol.cls, method)
            if inherited_symbol is not None:
                return inherited_symbol
        return None

    def local_facts(self, function: FunctionScope) -> FunctionFacts | None:
        """Index facts of a function defined at module level or in a module-level class."""
        if function.owner_class is not None:
            if function.owner_class.parent is not self.model.module:
                return None
            cls = self.summary.classes.get(function.owner_class.name)
            return cls.methods.get(function.name) if cls else None
        if function.parent is self.model.module:
            return self.summary.functions.get(function.name)
        return None

    def is_fixture_function(self, function: FunctionScope) -> bool:
        assert function.node is not None
        for decorator in function.node.decorators:
            qualname = self.qualify(decorator.decorator, function.parent)
            last = (qualname or dotted(decorator.decorator)).rsplit(".", 1)[-1]
            if last in FIXTURE_WORDS:
                return True
        return False

    def summarised_fixture_decorator(self, summary: ModuleSummary, facts: FunctionFacts) -> str | None:
        """How a function of another module is made a fixture: the qualified fixture decorator,
        also through a project alias of one (``fixture = pytest.fixture`` or ``aio_fixture =
        pytest_asyncio.fixture`` in a conftest or helper module, ``@aio_fixture`` where the
        fixture is defined); "" when the summary saw a fixture decorator that does not resolve;
        None when it is no fixture."""
        fallback: str | None = None
        for written in facts.decorators:
            if written in summary.aliases:  # ``fixture = pytest.fixture`` in the defining module
                written = summary.aliases[written]
            qualname = qualify_in_summary(summary, written) if written else ""
            real = (self.project_alias(qualname, 0) or qualname) if qualname else ""
            if real in tables.PYTEST_FIXTURE_DECORATORS or real in tables.ASYNCIO_FIXTURE_DECORATORS:
                return real
            if fallback is None and facts.is_fixture and written.rsplit(".", 1)[-1] in FIXTURE_WORDS:
                fallback = qualname  # written as a fixture decorator (perhaps a plugin's own)
        return fallback

    # ------------------------------------------------------------ targets
    def resolve_target(self, qualname: str) -> Callee:
        """What a dotted patch target ("app.service.fetch") names."""
        return self._qualified(qualname, qualname)

    def resolve_attribute_target(self, owner: cst.BaseExpression, attribute: str, scope: Scope) -> Callee:
        """What ``owner.attribute`` is, for ``patch.object(owner, "attribute")`` and assignments.
        On the stand-in a class patch makes for the class's instances (``R.return_value``), it
        is the class's method: what the code under test calls on ``Repo()``."""
        if not dotted(owner):
            return Callee(UNKNOWN, attribute)
        found = self.resolve_callable(cst.Attribute(value=owner, attr=cst.Name(attribute)), scope)
        if found.kind == UNKNOWN:
            held = self.values.infer(owner, scope)
            if isinstance(held, MockValue) and held.instance and held.replaces is not None:
                return self._member(held.replaces, attribute, f"{dotted(owner)}.{attribute}")
        return found


def _single(bindings: list[Binding]) -> Binding | None:
    first = bindings[0]
    if len(bindings) == 1:
        return first
    if all(b.kind == "import" and b.qualname == first.qualname for b in bindings):
        return first
    if first.kind == "element" and first.value is not None:
        # ``for bot in bots:`` twice in one function: the same elements each time
        value = first.value
        if all(b.kind == "element" and b.value is not None and b.value.deep_equals(value) for b in bindings):
            return first
    return None
