"""One libcst traversal that turns a test file into a small semantic model.

Rules never walk the syntax tree themselves: this visitor walks it once and
records scopes (module, classes, functions) with their bindings and every call
site together with how its result is used. Rules then ask questions of the
model, so adding a rule never adds a traversal.

Bindings are collected flow-insensitively per scope: a name bound twice to
different things resolves to "unknown", which keeps the rules silent.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import libcst as cst

from asynclint.index.summary import ASYNC, ASYNC_GEN, SYNC, resolve_relative

# How a call's result is used.
DISCARD = "discard"  # expression statement
AWAIT = "await"
VALUE = "value"  # truth test, comparison, iteration, f-string
VALUE_POSTFIX = "value-postfix"  # the base of an attribute or subscript: ``f().x``
ASSIGN = "assign"
RETURN = "return"  # returned, yielded, lambda body
ARG = "arg"  # passed to another call
TARGET = "target"  # an assignment target (a binding, not a use)
WITH = "with"  # context manager expression
OTHER = "other"

MOCK_COUNTERS = frozenset({"call_count"})
# Builtins that use the value of their positional arguments (a coroutine there is a bug).
# unittest's assertions that test the value of their first one or two arguments (truth,
# identity with None, comparison, membership): a coroutine there is never its result.
UNITTEST_VALUE_ASSERTS: dict[str, int] = {
    **dict.fromkeys(("assertTrue", "assertFalse", "assertIsNone", "assertIsNotNone"), 1),
    **dict.fromkeys(
        (
            "assertEqual",
            "assertNotEqual",
            "assertGreater",
            "assertGreaterEqual",
            "assertLess",
            "assertLessEqual",
            "assertIn",
            "assertNotIn",
        ),
        2,
    ),
}
CONSUMING_BUILTINS = frozenset(
    {
        "len",
        "list",
        "tuple",
        "set",
        "frozenset",
        "dict",
        "sorted",
        "sum",
        "min",
        "max",
        "any",
        "all",
        "int",
        "float",
        "str",
        "bool",
        "bytes",
        "abs",
        "round",
        "enumerate",
        "zip",
        "reversed",
        "iter",
        "next",
    }
)
COROUTINE_PROTOCOL = frozenset({"__await__", "send", "throw", "close", "__name__", "__qualname__"})


def dotted(node: cst.BaseExpression | None) -> str:
    """``a.b.c`` for a Name/Attribute chain (``a.b`` for ``a.b(...)``), else "".

    A loop, not recursion: ``f()()()...`` chains nest as deep as CPython allows.
    """
    while isinstance(node, cst.Call):
        node = node.func
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if isinstance(node, cst.Name):
        parts.append(node.value)
        return ".".join(reversed(parts))
    return ""


def string_value(node: cst.BaseExpression | None) -> str | None:
    """The text of a (possibly implicitly concatenated) string literal; None for anything else."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def keyword_arg(call: cst.Call | None, name: str) -> cst.Arg | None:
    if call is None:
        return None
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return None


def keyword_value(call: cst.Call | None, name: str) -> cst.BaseExpression | None:
    arg = keyword_arg(call, name)
    return arg.value if arg is not None else None


def positional_value(call: cst.Call, index: int) -> cst.BaseExpression | None:
    """The ``index``-th positional argument (``*args`` make later positions unknown: None)."""
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[index].value if 0 <= index < len(positional) else None


@dataclass
class Binding:
    """What a name is bound to in one scope."""

    kind: str  # "def" | "class" | "import" | "value" | "item" | "element" | "param" | "other"
    function: FunctionScope | None = None
    cls: ClassScope | None = None
    qualname: str = ""
    value: cst.BaseExpression | None = None
    runtime: bool = True  # False for an import under ``if TYPE_CHECKING:``
    # The written type of a parameter (``client: Client``) or an annotated assignment: weaker
    # evidence than a value, since a subclass or a fake satisfies it too.
    annotation: cst.BaseExpression | None = None
    # "item": ``a, b = value`` binds element ``index`` of what ``value`` holds.
    # "element": ``for x in value`` (a loop or a comprehension) binds each element of ``value``.
    index: int = 0
    # "import" from ``from module import name``: the module (the name is its attribute, which
    # a package's ``__init__`` may bind to something else than its submodule of that name).
    module: str = ""


@dataclass
class Scope:
    parent: Scope | None
    bindings: dict[str, list[Binding]] = field(default_factory=dict)

    def bind(self, name: str, binding: Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)


@dataclass
class ModuleScope(Scope):
    pass


@dataclass
class ClassScope(Scope):
    node: cst.ClassDef | None = None
    name: str = ""
    methods: dict[str, FunctionScope] = field(default_factory=dict)
    pytestmark: list[cst.BaseExpression] = field(default_factory=list)


@dataclass
class FunctionScope(Scope):
    node: cst.FunctionDef | None = None
    name: str = ""
    is_async: bool = False
    has_yield: bool = False
    params: tuple[str, ...] = ()
    owner_class: ClassScope | None = None  # set when directly defined in a class body
    uses: dict[str, list[str]] = field(default_factory=dict)  # local name -> use contexts

    @property
    def kind(self) -> str:
        if not self.is_async:
            return SYNC
        return ASYNC_GEN if self.has_yield else ASYNC


@dataclass
class CallSite:
    node: cst.Call
    scope: Scope
    context: str
    callee: str  # dotted text of the called expression ("" when not a plain chain)
    assigned_to: str | None = None  # ``name = call(...)``: the single name bound
    # False where an added ``await`` would change more than the call: inside a generator
    # expression (it would become an async generator) or an f-string ``{...=}`` (its label)
    awaitable_here: bool = True


@dataclass
class AttributeAssignment:
    """``target.attr = value`` (used by the mock rules)."""

    target: cst.Attribute
    value: cst.BaseExpression
    scope: Scope


@dataclass
class FileModel:
    module_node: cst.Module
    module: ModuleScope
    module_name: str
    is_package: bool
    functions: list[FunctionScope] = field(default_factory=list)
    classes: list[ClassScope] = field(default_factory=list)
    calls: list[CallSite] = field(default_factory=list)
    attribute_assignments: list[AttributeAssignment] = field(default_factory=list)
    module_pytestmark: list[cst.BaseExpression] = field(default_factory=list)
    # Facts derived from this file's tree on demand (one walk each), keyed by the asker.
    memo: dict[tuple[str, int], object] = field(default_factory=dict)
    # Names and attribute chains passed as call arguments, by their last part ("_run" for
    # ``Thread(target=self._run)``), with the scope they are passed from.
    passed_references: dict[str, list[tuple[cst.BaseExpression, Scope]]] = field(default_factory=dict)
    # Reads of mock bookkeeping attributes (``m.call_count``), for the mock rules.
    attribute_reads: list[tuple[cst.Attribute, Scope]] = field(default_factory=list)

    def code(self, node: cst.CSTNode) -> str:
        return self.module_node.code_for_node(node)


AnyScope = ModuleScope | ClassScope | FunctionScope


def _param_names(params: cst.Parameters) -> tuple[str, ...]:
    names = [p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)]
    for extra in (params.star_arg, params.star_kwarg):
        if isinstance(extra, cst.Param):
            names.append(extra.name.value)
    return tuple(names)


def _param_annotations(params: cst.Parameters) -> dict[str, cst.BaseExpression]:
    found: dict[str, cst.BaseExpression] = {}
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.annotation is not None:
            found[param.name.value] = param.annotation.annotation
    return found


def _target_names(target: cst.BaseExpression) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        names: list[str] = []
        for element in target.elements:
            names.extend(_target_names(element.value))
        return names
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return []


class _ModelBuilder:
    def __init__(self, model: FileModel) -> None:
        self.model = model
        self.scope: AnyScope = model.module
        self.contexts: dict[int, str] = {}
        self.assigned: dict[int, str] = {}
        self.typing_only: set[int] = set()  # imports under ``if TYPE_CHECKING:``
        self.no_await_depth = 0  # inside generator expressions and f-string ``=`` fields
        self.consumed: set[int] = set()  # arguments of builtins that use their value

    # ----------------------------------------------------------- scopes
    def _push(self, scope: AnyScope) -> None:
        self.scope = scope

    def _pop(self) -> None:
        assert self.scope.parent is not None
        self.scope = self.scope.parent  # type: ignore[assignment]

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        cls = ClassScope(parent=self.scope, node=node, name=node.name.value)
        self.scope.bind(node.name.value, Binding("class", cls=cls))
        self.model.classes.append(cls)
        self._push(cls)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        owner = self.scope if isinstance(self.scope, ClassScope) else None
        function = FunctionScope(
            parent=self.scope,
            node=node,
            name=node.name.value,
            is_async=node.asynchronous is not None,
            params=_param_names(node.params),
            owner_class=owner,
        )
        self.scope.bind(node.name.value, Binding("def", function=function))
        if owner is not None:
            owner.methods[function.name] = function
        annotations = _param_annotations(node.params)
        for name in function.params:
            function.bind(name, Binding("param", annotation=annotations.get(name)))
        self.model.functions.append(function)
        self._push(function)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.contexts[id(node.body)] = RETURN

    # ----------------------------------------------------------- yields
    def visit_Yield(self, node: cst.Yield) -> None:
        if isinstance(self.scope, FunctionScope):
            self.scope.has_yield = True
        if node.value is not None and not isinstance(node.value, cst.From):
            self.contexts[id(node.value)] = RETURN

    # ----------------------------------------------------------- bindings
    def visit_Import(self, node: cst.Import) -> None:
        runtime = id(node) not in self.typing_only
        for alias in node.names:
            full = dotted(alias.name)
            if alias.asname is not None:
                for name in _target_names(alias.asname.name):
                    self.scope.bind(name, Binding("import", qualname=full, runtime=runtime))
            else:
                top = full.split(".", 1)[0]
                self.scope.bind(top, Binding("import", qualname=top, runtime=runtime))

    def visit_If(self, node: cst.If) -> None:
        self.contexts[id(node.test)] = VALUE
        if dotted(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING") and isinstance(node.body, cst.IndentedBlock):
            for statement in node.body.body:
                if isinstance(statement, cst.SimpleStatementLine):
                    self.typing_only.update(
                        id(s) for s in statement.body if isinstance(s, (cst.Import, cst.ImportFrom))
                    )

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        level = len(node.relative)
        base = resolve_relative(
            self.model.module_name,
            self.model.is_package,
            level,
            dotted(node.module) if node.module is not None else None,
        )
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            name = dotted(alias.name)
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.scope.bind(
                local,
                Binding(
                    "import",
                    qualname=f"{base}.{name}" if base else name,
                    runtime=id(node) not in self.typing_only,
                    module=base or "",
                ),
            )

    def visit_Assign(self, node: cst.Assign) -> None:
        self.contexts[id(node.value)] = ASSIGN
        for target in node.targets:
            self.contexts[id(target.target)] = TARGET
            self._bind_target(target.target, node.value)
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            self.assigned[id(node.value)] = node.targets[0].target.value

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.contexts[id(node.target)] = TARGET
        if node.value is not None:
            self.contexts[id(node.value)] = ASSIGN
            self._bind_target(node.target, node.value, node.annotation.annotation)
            if isinstance(node.target, cst.Name):
                self.assigned[id(node.value)] = node.target.value

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.contexts[id(node.target)] = TARGET
        for name in _target_names(node.target):
            self.scope.bind(name, Binding("other"))
            if name == "pytestmark":
                self._pytestmark_changed(node)

    def _pytestmark_changed(self, node: cst.CSTNode) -> None:
        """``pytestmark += [...]`` / ``pytestmark.extend(...)``: the marks are no longer a
        value asynclint read, so the node itself is recorded; it is not a mark, which leaves
        the level's marks "not understood" and the rules that need them silent."""
        if isinstance(self.scope, ClassScope):
            self.scope.pytestmark.append(node)  # type: ignore[arg-type]
        elif isinstance(self.scope, ModuleScope):
            self.model.module_pytestmark.append(node)  # type: ignore[arg-type]

    def _bind_target(
        self, target: cst.BaseExpression, value: cst.BaseExpression, annotation: cst.BaseExpression | None = None
    ) -> None:
        if isinstance(target, cst.Name):
            self.scope.bind(target.value, Binding("value", value=value, annotation=annotation))
            if target.value == "pytestmark":
                if isinstance(self.scope, ClassScope):
                    self.scope.pytestmark.append(value)
                elif isinstance(self.scope, ModuleScope):
                    self.model.module_pytestmark.append(value)
        elif isinstance(target, cst.Attribute):
            self.model.attribute_assignments.append(AttributeAssignment(target, value, self.scope))
        elif isinstance(target, (cst.Tuple, cst.List)) and all(
            isinstance(e, cst.Element) and isinstance(e.value, cst.Name) for e in target.elements
        ):
            # ``reader, writer = await open_connection()``: each name holds one element
            for index, element in enumerate(target.elements):
                assert isinstance(element.value, cst.Name)
                self.scope.bind(element.value.value, Binding("item", value=value, index=index))
        else:
            for name in _target_names(target):
                self.scope.bind(name, Binding("other"))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.contexts[id(node.value)] = ASSIGN
        self._bind_target(node.target, node.value)

    def visit_For(self, node: cst.For) -> None:
        self.contexts[id(node.iter)] = VALUE
        self._bind_loop_target(node.target, node.iter, node.asynchronous is not None)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_loop_target(node.target, node.iter, node.asynchronous is not None)

    def _bind_loop_target(self, target: cst.BaseExpression, iterable: cst.BaseExpression, asynchronous: bool) -> None:
        if isinstance(target, cst.Name) and not asynchronous:
            self.scope.bind(target.value, Binding("element", value=iterable))
            return
        for name in _target_names(target):
            self.scope.bind(name, Binding("other"))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        self.contexts[id(node.item)] = WITH
        if node.asname is not None:
            self.contexts[id(node.asname.name)] = TARGET
            if isinstance(node.asname.name, cst.Name):
                self.scope.bind(node.asname.name.value, Binding("with", value=node.item))
            else:
                for name in _target_names(node.asname.name):
                    self.scope.bind(name, Binding("other"))

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None and isinstance(node.name.name, cst.Name):
            self.scope.bind(node.name.name.value, Binding("other"))

    def visit_Global(self, node: cst.Global) -> None:
        for item in node.names:
            self.scope.bind(item.name.value, Binding("other"))

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        for item in node.names:
            self.scope.bind(item.name.value, Binding("other"))

    # ----------------------------------------------------------- contexts
    def visit_Expr(self, node: cst.Expr) -> None:
        self.contexts[id(node.value)] = DISCARD

    def visit_Await(self, node: cst.Await) -> None:
        self.contexts[id(node.expression)] = AWAIT

    def visit_Assert(self, node: cst.Assert) -> None:
        self.contexts[id(node.test)] = VALUE

    def visit_While(self, node: cst.While) -> None:
        self.contexts[id(node.test)] = VALUE

    def visit_IfExp(self, node: cst.IfExp) -> None:
        self.contexts[id(node.test)] = VALUE

    def visit_UnaryOperation(self, node: cst.UnaryOperation) -> None:
        self.contexts[id(node.expression)] = VALUE  # ``not f()``, ``-f()``, ``~f()``

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        self.contexts[id(node.left)] = VALUE  # ``f() + 1``, ``"%s" % f()``
        self.contexts[id(node.right)] = VALUE

    def visit_StarredElement(self, node: cst.StarredElement) -> None:
        self.contexts[id(node.value)] = VALUE  # ``[*f()]`` iterates the result

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        self.contexts[id(node.left)] = VALUE
        self.contexts[id(node.right)] = VALUE

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self.contexts[id(node.left)] = VALUE
        for target in node.comparisons:
            self.contexts[id(target.comparator)] = VALUE

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self.contexts[id(node.value)] = VALUE_POSTFIX

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in MOCK_COUNTERS and self.contexts.get(id(node)) != TARGET:
            self.model.attribute_reads.append((node, self.scope))  # reads, not ``m.call_count = 0``
        self.contexts[id(node.attr)] = TARGET  # an attribute name is never a variable use
        # ``coro.__await__()`` / ``coro.send(None)`` / ``coro.close()`` use the coroutine itself.
        protocol = node.attr.value in COROUTINE_PROTOCOL or node.attr.value.startswith("cr_")
        self.contexts[id(node.value)] = OTHER if protocol else VALUE_POSTFIX

    def visit_FormattedStringExpression(self, node: cst.FormattedStringExpression) -> None:
        self.contexts[id(node.expression)] = VALUE
        if node.equal is not None:
            self.no_await_depth += 1

    def leave_FormattedStringExpression(self, original_node: cst.FormattedStringExpression) -> None:
        if original_node.equal is not None:
            self.no_await_depth -= 1

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> None:
        self.no_await_depth += 1

    def leave_GeneratorExp(self, original_node: cst.GeneratorExp) -> None:
        self.no_await_depth -= 1

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self.contexts[id(node.value)] = RETURN

    def visit_Arg(self, node: cst.Arg) -> None:
        # ``g(*f())`` unpacks the result; ``len(f())`` consumes it: neither hands it on
        consumed = bool(node.star) or id(node.value) in self.consumed
        self.contexts[id(node.value)] = VALUE if consumed else ARG
        if isinstance(node.value, (cst.Name, cst.Attribute)):
            # ``Thread(target=self._run)``: a function handed over to be run elsewhere.
            last = dotted(node.value).rpartition(".")[2]
            if last:
                self.model.passed_references.setdefault(last, []).append((node.value, self.scope))

    def visit_Call(self, node: cst.Call) -> None:
        context = self.contexts.pop(id(node), OTHER)
        func = node.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "pytestmark":
            self._pytestmark_changed(node)  # ``pytestmark.append(mark)``, ``.extend([...])``
        if isinstance(func, cst.Call):
            self.contexts[id(func)] = VALUE_POSTFIX  # ``make()()``: the result is called
        if isinstance(func, cst.Name) and func.value in CONSUMING_BUILTINS:
            self.consumed.update(id(arg.value) for arg in node.args if arg.keyword is None)
        elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
            # ``self.assertTrue(f())``: a test case's assertion tests the value it is given
            checked = UNITTEST_VALUE_ASSERTS.get(func.attr.value, 0)
            self.consumed.update(id(arg.value) for arg in node.args[:checked] if arg.keyword is None)
        callee = "" if isinstance(func, cst.Call) else dotted(func)
        self.model.calls.append(
            CallSite(
                node,
                self.scope,
                context,
                callee,
                self.assigned.pop(id(node), None),
                awaitable_here=self.no_await_depth == 0,
            )
        )

    def visit_Name(self, node: cst.Name) -> None:
        """Record how a function-local name is used (for "assigned but never awaited")."""
        scope: Scope | None = self.scope
        if not isinstance(scope, FunctionScope):
            return
        context = self.contexts.get(id(node), OTHER)
        if context == TARGET:
            return
        while isinstance(scope, FunctionScope):
            if node.value in scope.bindings:
                scope.uses.setdefault(node.value, []).append(context)
                return
            scope = scope.parent


# Fields that never hold code: whitespace, punctuation, comments, blank lines.
_SKIPPED_FIELDS = frozenset(
    {
        "lpar",
        "rpar",
        "leading_lines",
        "lines_after_decorators",
        "header",
        "footer",
        "comma",
        "semicolon",
        "newline",
        "equal",
        "colon",
        "star",
        "dot",
        "operator",
        "asynchronous",
        "trailing_whitespace",
        "empty_lines",
        "lbracket",
        "rbracket",
        "lbrace",
        "rbrace",
        "default_indent",
        "default_newline",
        "encoding",
        "has_trailing_newline",
        "prefix",
        "quote",
        "start",
        "end",
        "arrow",
        "walrus",
        "type_parameters",
    }
)
# Evaluated in the enclosing scope, so walked before the definition opens its own.
_OUTER_FIELDS: dict[type, tuple[str, ...]] = {
    cst.FunctionDef: ("decorators",),
    cst.ClassDef: ("decorators", "bases", "keywords"),
}
_ENTER, _VISIT_ONLY, _LEAVE = 0, 1, 2


class _Walker:
    """A read-only traversal of libcst nodes.

    libcst's own ``visit`` rebuilds every node on the way back up, which costs
    about as much as parsing; this walker only reads dataclass fields (listed
    once per node class) and calls the builder's ``visit_*``/``leave_*``.
    """

    def __init__(self, builder: _ModelBuilder) -> None:
        self.builder = builder
        self.handlers: dict[type, tuple] = {}
        self.fields: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def _handlers_for(self, cls: type) -> tuple:
        found = self.handlers.get(cls)
        if found is None:
            name = cls.__name__
            found = (getattr(self.builder, f"visit_{name}", None), getattr(self.builder, f"leave_{name}", None))
            self.handlers[cls] = found
        return found

    def _fields_for(self, cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found = self.fields.get(cls)
        if found is None:
            outer = _OUTER_FIELDS.get(cls, ())
            inner = tuple(
                f.name
                for f in dataclasses.fields(cls)
                if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace") and f.name not in outer
            )
            found = self.fields[cls] = (outer, inner)
        return found

    def walk(self, root: cst.CSTNode) -> None:
        stack: list[tuple[cst.CSTNode, int]] = [(root, _ENTER)]
        while stack:
            node, phase = stack.pop()
            cls = type(node)
            visit, leave = self._handlers_for(cls)
            if phase == _LEAVE:
                leave(node)
                continue
            if phase == _VISIT_ONLY:
                if visit is not None:
                    visit(node)
                continue
            outer, inner = self._fields_for(cls)
            if leave is not None:
                stack.append((node, _LEAVE))
            self._push_children(stack, node, inner)
            if outer:
                stack.append((node, _VISIT_ONLY))
                self._push_children(stack, node, outer)
            elif visit is not None:
                visit(node)

    @staticmethod
    def _push_children(stack: list, node: cst.CSTNode, names: tuple[str, ...]) -> None:
        children: list[cst.CSTNode] = []
        for name in names:
            value = getattr(node, name)
            if isinstance(value, cst.CSTNode):
                children.append(value)
            elif isinstance(value, (list, tuple)):
                children.extend(v for v in value if isinstance(v, cst.CSTNode))
        stack.extend((child, _ENTER) for child in reversed(children))


_ALL_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


# Nodes that hold statements: a walk for statements (imports, top-level definitions) never
# needs to enter expressions, which are most of a tree.
STATEMENT_HOLDERS = (
    cst.BaseSuite,
    cst.BaseStatement,
    cst.Else,
    cst.ExceptHandler,
    cst.ExceptStarHandler,
    cst.Finally,
    cst.MatchCase,
)


def child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """Code-bearing children of a node, read from its fields (libcst's ``children`` rebuilds)."""
    cls = type(node)
    names = _ALL_CHILD_FIELDS.get(cls)
    if names is None:
        names = _ALL_CHILD_FIELDS[cls] = tuple(
            f.name
            for f in dataclasses.fields(cls)
            if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace")
        )
    children: list[cst.CSTNode] = []
    for name in names:
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            children.append(value)
        elif isinstance(value, (list, tuple)):
            children.extend(v for v in value if isinstance(v, cst.CSTNode))
    return children


def build_model(module: cst.Module, module_name: str, is_package: bool) -> FileModel:
    model = FileModel(
        module_node=module,
        module=ModuleScope(parent=None),
        module_name=module_name,
        is_package=is_package,
    )
    _Walker(_ModelBuilder(model)).walk(module)
    return model


def enclosing_function(scope: Scope | None) -> FunctionScope | None:
    """The innermost function a scope belongs to (None at module or class level)."""
    while scope is not None and not isinstance(scope, FunctionScope):
        if isinstance(scope, ClassScope):
            return None
        scope = scope.parent
    return scope
