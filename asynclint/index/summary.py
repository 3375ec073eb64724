"""Per-module summaries: what other modules need to know about a file.

A summary is built with :mod:`ast` (about ten times cheaper than libcst) because
the index only needs definitions and imports, never positions or formatting.
Summaries are plain picklable data so they can be cached by content hash and
shipped to worker processes.
"""

from __future__ import annotations

import ast
import bisect
import warnings
from dataclasses import dataclass, field

# How a callable behaves when called.
ASYNC = "async"  # returns a coroutine
ASYNC_GEN = "asyncgen"  # returns an async generator (not awaitable)
SYNC = "sync"
PASSTHROUGH = "passthrough"  # a sync wrapper returning the wrapped function's result
IDENTITY = "identity"  # a decorator returning the very function it got (``fn._tag = 1; return fn``)
# Prefix of a produced name that is the value ``with X(...) as v`` binds: X's __enter__ result.
ENTERED = "@enter:"
# Prefix of a produced name that is the awaited result of a call (``c = await Client.connect()``).
AWAITED = "@await:"
# Prefix of a produced name that is a parameter: for a fixture, the fixture of that name.
PARAMETER = "@param:"
# Prefix of a module variable bound to ``functools.partial(f, ...)``: calling it calls ``f``.
PARTIAL = "@partial:"
# Prefix of a produced name that is what a patcher call makes: "@patch:<func>:<target>" for
# ``patch("app.fetch")`` / ``mocker.patch("app.fetch")`` (target: the string) and for
# ``patch.object(owner, "name")`` (target: "<owner as written>.<name>"); the mock it makes
# follows the target (an AsyncMock for an ``async def``).
PATCHED = "@patch:"
# Keywords with which a patcher call makes no mock of the target's kind (or none at all).
_NOT_FOLLOWING_TARGET = frozenset({"new", "new_callable", "spec", "spec_set", "side_effect", "wraps"})
# Prefix of a produced tuple (``return reader, writer``): its elements' produced names, comma
# separated ("" for an element not evident), for ``a, b = f()`` to take one apart.
TUPLE = "@tuple:"
# Prefix of what ``def resolve(self, cls: type[T]) -> T`` returns: an instance of the class
# passed as the named parameter (a service container, a repository registry).
TYPEARG = "@typearg:"
# Prefix of a mock made with a spec (``AsyncMock(spec=Repo)``): "@spec:<mock class>:<spec as
# written>" ("" when the spec is not a name): its children follow the spec, not the mock class.
# ``create_autospec(Repo, instance=True)`` is "@spec:create_autospec:Repo", and without
# ``instance`` (a mock of the class) "@spec:create_autospec#class:Repo".
SPEC = "@spec:"
AUTOSPEC_CLASS = "#class"
# Prefix of a module-level name returned as it is (``return SessionLocal``): what that name
# holds, not what calling it gives.
VALUE = "@value:"
# Prefix of an attribute read: "@attr:<a.b>:<produced name of the receiver>" for
# ``return ctx.gateway`` (receiver "@param:ctx") or ``self.ctx`` (receiver "self").
ATTRIBUTE = "@attr:"
# Prefixes of what a written container type holds: "@elements:Cls" for ``list[Cls]`` (and
# other sequences and sets: iterating or indexing gives a ``Cls``), "@mapping:Cls" for
# ``dict[str, Cls]`` (indexing gives a ``Cls``; iterating gives the keys).
ELEMENTS = "@elements:"
MAPPING = "@mapping:"
_SEQUENCE_TYPES = frozenset(
    {"list", "List", "Sequence", "MutableSequence", "Iterable", "Iterator", "set", "Set", "frozenset", "FrozenSet"}
)
_MAPPING_TYPES = frozenset({"dict", "Dict", "Mapping", "MutableMapping", "DefaultDict", "defaultdict", "OrderedDict"})
# Methods that set an instance up before a test uses it; those that run after the test: what
# they assign (``self.repo = None``) is never what the test sees.
SETUP_METHODS = ("setUp", "asyncSetUp", "setup_method", "setup", "__init__", "setup_class", "setUpClass")
TEARDOWN_METHODS = frozenset(
    {"tearDown", "asyncTearDown", "teardown_method", "teardown", "teardown_class", "tearDownClass"}
)
_MOCK_CLASS_NAMES = frozenset({"Mock", "MagicMock", "AsyncMock", "NonCallableMock", "NonCallableMagicMock"})


def tuple_items(name: str | None) -> list[str] | None:
    """The element names of a produced ``@tuple:`` name; None when it is not a tuple."""
    if not name or not name.startswith(TUPLE):
        return None
    return name[len(TUPLE) :].split(",")


@dataclass(frozen=True)
class FunctionFacts:
    name: str
    kind: str  # ASYNC | ASYNC_GEN | SYNC
    decorators: tuple[str, ...]  # dotted decorator names as written ("" when not a name)
    params: tuple[str, ...]
    line: int
    # For decorator candidates: the kind of the inner function it returns
    # (``def deco(fn): async def wrapper...; return wrapper``), looking through
    # one level of decorator factory. None when it returns no inner function.
    wrapper_kind: str | None = None
    is_fixture: bool = False
    autouse: bool = False
    # Class name a fixture/factory returns or yields, as written (dotted), when evident.
    returns: str | None = None
    # The name a fixture is requested by: ``name=`` of the fixture decorator, else the
    # function's name (None for non-fixtures).
    fixture_name: str | None = None
    # ``params=`` of the fixture decorator may carry marks (``pytest.param(..., marks=...)``,
    # or a value that is not a literal list): pytest puts those marks on the requesting tests.
    params_marked: bool = False
    # Children a fixture sets on the object it returns/yields (``m.child = MagicMock()``), as
    # "child=<what the value produces>" ("child=" when unknown or set more than once): a
    # test's ``fixture.child`` is that value, not the parent mock's child.
    children: tuple[str, ...] = ()
    # A fixture that installs a current loop (``set_event_loop(X)``, X not None): the tests
    # requesting it run with that loop current, so ``get_event_loop()`` in them finds it.
    installs_loop: bool = False


@dataclass(frozen=True)
class ClassFacts:
    name: str
    bases: tuple[str, ...]  # dotted names as written
    methods: dict[str, FunctionFacts]
    has_metaclass: bool
    marks: tuple[str, ...] | None  # mark names from decorators + pytestmark; None = unknown
    has_init: bool
    line: int
    # Class-body ``name = Factory(...)`` / ``name: Cls`` (dataclass fields too): what the
    # attribute holds, as written (a dotted class or factory name), when bound once.
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class ModuleSummary:
    path: str
    module: str  # dotted name used for relative-import resolution ("" when unknown)
    is_package: bool
    functions: dict[str, FunctionFacts] = field(default_factory=dict)
    classes: dict[str, ClassFacts] = field(default_factory=dict)
    # local name -> fully qualified dotted target ("app.service.fetch", "asyncio")
    imports: dict[str, str] = field(default_factory=dict)
    star_imports: tuple[str, ...] = ()
    all_names: tuple[str, ...] | None = None
    pytest_plugins: tuple[str, ...] = ()
    module_marks: tuple[str, ...] | None = ()  # None = pytestmark present but not understood
    runs_coroutines: bool = False  # defines pytest_pyfunc_call or adds markers in modifyitems
    # adds ``asyncio`` marks in pytest_collection_modifyitems: honoured by pytest-asyncio < 0.23,
    # which looked at marks when the test ran, too late from 0.23 on
    adds_asyncio_marks: bool = False
    syntax_error: tuple[int, int, str] | None = None
    # Module-level ``NAME = Factory(...)`` / ``NAME: Cls = ...``: what NAME holds, as written
    # (a dotted class or factory name; ``@partial:f`` for ``functools.partial(f, ...)``).
    variables: dict[str, str] = field(default_factory=dict)
    # Module-level ``NAME = a.b.c`` bound once (no call): another name for ``a.b.c``, as written
    # (``aio = pytest.mark.asyncio``, ``aio_fixture = pytest_asyncio.fixture``).
    aliases: dict[str, str] = field(default_factory=dict)
    # Module-level ``NAME = [x, y.z(...), *other]`` bound once and never changed in place: its
    # items as written (dotted names, calls as their callee's name, ``*name`` for a starred
    # item); read for mark lists shared between test modules.
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)


def dotted_name(node: ast.AST) -> str:
    """``a.b.c`` for Name/Attribute chains, ``a.b`` for a call ``a.b(...)``; else "".

    A loop, not recursion: ``f()()()...`` chains nest as deep as CPython allows.
    """
    while isinstance(node, ast.Call):
        node = node.func
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


_BUILTIN_DECORATORS = ("staticmethod", "classmethod")


def qualify_in_summary(summary: ModuleSummary, name: str) -> str:
    """A dotted name as written in a module, fully qualified through its imports and its own
    definitions ("" when it is neither; ``staticmethod``/``classmethod`` stay themselves)."""
    if not name:
        return ""
    head, _, rest = name.partition(".")
    if head in summary.imports:
        base = summary.imports[head]
    elif head in summary.functions or head in summary.classes:
        base = f"{summary.module}.{head}" if summary.module else head
    elif head in _BUILTIN_DECORATORS:
        base = head
    else:
        return ""
    return f"{base}.{rest}" if rest else base


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    """Absolute name for ``from .target import ...`` seen in ``module``."""
    if level == 0:
        return target or ""
    parts = module.split(".") if module else []
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
    if target:
        parts.append(target)
    return ".".join(parts)


# Words whose absence from a function's lines settles a fact without walking its nodes.
_SCANNED_WORDS = ("yield", "import", "set_event_loop")


class _ModuleText:
    """On which lines of the module a few words appear (``_SCANNED_WORDS``).

    Walking every node of a function is the dearest part of a summary; a ``yield`` or an
    ``import`` needs its keyword on one of the function's lines, so a function whose lines
    lack the word cannot hold the node and is not walked. The scan is of the raw text, so it
    can only say "maybe" too often (a word in a string or a comment), never "no" wrongly. A
    text with a bare carriage return (a line break for Python, not for this count) or no text
    at all says "maybe" everywhere.
    """

    def __init__(self, source: str | bytes | None) -> None:
        self._lines: dict[str, list[int]] | None = None
        if source is None:
            return
        text = source if isinstance(source, str) else source.decode("latin-1")
        if "\r" in text:
            return
        self._lines = {word: _word_lines(text, word) for word in _SCANNED_WORDS}

    def may_hold(self, word: str, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        """Whether ``word`` may appear within the function (decorators and nested code included)."""
        if self._lines is None:
            return True
        lines = self._lines[word]
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        at = bisect.bisect_left(lines, first)
        return at < len(lines) and lines[at] <= (node.end_lineno or node.lineno)


_UNKNOWN_TEXT = _ModuleText(None)


def _word_lines(text: str, word: str) -> list[int]:
    """Line numbers (1-based, ascending, repeated when a line holds it twice) of ``word``."""
    found: list[int] = []
    line, counted = 1, 0
    at = text.find(word)
    while at >= 0:
        line += text.count("\n", counted, at)
        counted = at
        found.append(line)
        at = text.find(word, at + len(word))
    return found


class _FunctionBody:
    """A function's own statements (blocks included, nested functions and classes not),
    collected by one walk on first use and shared by every fact read from them: each fact
    used to walk the body again. A new per-function or per-class fact that reads statements
    should take them from here."""

    __slots__ = ("node", "_statements", "_nested")

    def __init__(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.node = node
        self._statements: list[ast.AST] | None = None
        self._nested: set[str] = set()

    @property
    def statements(self) -> list[ast.AST]:
        """Statements in walk order (the last of a block first), with the ``except`` handlers
        and ``case`` clauses that hold blocks."""
        if self._statements is None:
            found: list[ast.AST] = []
            stack: list[ast.AST] = list(self.node.body)
            while stack:
                node = stack.pop()
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    self._nested.add(node.name)
                    continue
                found.append(node)
                for field_name in ("body", "orelse", "finalbody", "handlers", "cases"):
                    stack.extend(getattr(node, field_name, ()))
            self._statements = found
        return self._statements

    @property
    def nested(self) -> set[str]:
        """Names of the functions and classes defined in the body (not walked into)."""
        _ = self.statements
        return self._nested


def _function_kind(node: ast.AsyncFunctionDef | ast.FunctionDef, text: _ModuleText = _UNKNOWN_TEXT) -> str:
    if isinstance(node, ast.FunctionDef):
        return SYNC
    return ASYNC_GEN if text.may_hold("yield", node) and _contains_yield(node) else ASYNC


def _contains_yield(func: ast.AST) -> bool:
    """Whether ``func``'s own body yields (nested functions and lambdas excluded)."""
    stack = list(ast.iter_child_nodes(func))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def _returns_call_of(func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    """``return name(...)`` among the function's own statements (a pass-through wrapper)."""
    return any(
        isinstance(stmt, ast.Return)
        and isinstance(stmt.value, ast.Call)
        and isinstance(stmt.value.func, ast.Name)
        and stmt.value.func.id == name
        for stmt in ast.walk(func)
        if isinstance(stmt, ast.Return)
    )


def _returns_its_argument(
    func: ast.FunctionDef | ast.AsyncFunctionDef, wrapped: str | None, body: _FunctionBody
) -> bool:
    """Every ``return`` of the function's own body hands back its first parameter, never
    rebound: the decorator gives pytest the very function it got (a tag, a registry)."""
    if wrapped is None or isinstance(func, ast.AsyncFunctionDef):
        return False
    # The returns are statements: most functions fail here, before the walk of every node.
    returned = [node for node in body.statements if isinstance(node, ast.Return)]
    if not returned or not all(isinstance(r.value, ast.Name) and r.value.id == wrapped for r in returned):
        return False
    returns = 0
    stack: list[ast.AST] = list(func.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return False
        if isinstance(node, ast.Return):
            if not (isinstance(node.value, ast.Name) and node.value.id == wrapped):
                return False
            returns += 1
        if isinstance(node, ast.Name) and node.id == wrapped and not isinstance(node.ctx, ast.Load):
            return False
        stack.extend(ast.iter_child_nodes(node))
    return returns > 0


def _wrapper_kind(
    func: ast.FunctionDef | ast.AsyncFunctionDef, body: _FunctionBody, text: _ModuleText, depth: int = 0
) -> str | None:
    """Kind of the inner function a decorator returns, looking through one factory level.

    A plain ``def`` wrapper that returns ``fn(...)`` is PASSTHROUGH: calling the decorated
    coroutine function still returns the coroutine, though pytest no longer sees an async test.
    A decorator that returns its argument itself is IDENTITY: the test stays what it was.
    """
    inner = {n.name: n for n in func.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    wrapped = func.args.args[0].arg if func.args.args else None
    if _returns_its_argument(func, wrapped, body):
        return IDENTITY
    for stmt in func.body:
        if isinstance(stmt, ast.Return) and isinstance(stmt.value, ast.Name):
            target = inner.get(stmt.value.id)
            if target is None:
                continue
            if any(dotted_name(d).rsplit(".", 1)[-1] != "wraps" for d in target.decorator_list):
                return None  # the wrapper is itself decorated (asyncssh: ``@asynctest``): unknown
            if depth == 0 and isinstance(target, ast.FunctionDef):
                deeper = _wrapper_kind(target, _FunctionBody(target), text, depth + 1)
                if deeper is not None:
                    return deeper
            kind = _function_kind(target, text)
            if kind == SYNC and wrapped is not None and _returns_call_of(target, wrapped):
                return PASSTHROUGH
            return kind
    return None


# The last word of every fixture decorator's name (``pytest.fixture``, ``pytest_asyncio.fixture``,
# ``pytest.yield_fixture``): the one list every layer tells fixtures by.
FIXTURE_WORDS = ("fixture", "yield_fixture")


def _is_fixture_decorator(name: str) -> bool:
    return name.rsplit(".", 1)[-1] in FIXTURE_WORDS


def _autouse(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for deco in node.decorator_list:
        if isinstance(deco, ast.Call) and _is_fixture_decorator(dotted_name(deco.func)):
            for kw in deco.keywords:
                if kw.arg == "autouse" and isinstance(kw.value, ast.Constant):
                    return bool(kw.value.value)
    return False


def _annotation_class(annotation: ast.expr | None) -> str | None:
    """``Client`` from ``Client``, ``Client | None``, ``AsyncIterator[Client]``,
    ``AsyncGenerator[Client, None]``; "@elements:Client" from ``list[Client]``,
    "@mapping:Client" from ``dict[str, Client]``."""
    if annotation is None:
        return None
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = [annotation.left, annotation.right]
        others = [s for s in sides if not (isinstance(s, ast.Constant) and s.value is None)]
        return _annotation_class(others[0]) if len(others) == 1 else None
    if isinstance(annotation, ast.Subscript):
        wrapper = dotted_name(annotation.value).rsplit(".", 1)[-1]
        if wrapper in _SEQUENCE_TYPES or wrapper in _MAPPING_TYPES:
            arguments = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
            if len(arguments) != (2 if wrapper in _MAPPING_TYPES else 1):
                return None
            held = _annotation_class(arguments[-1])
            if not held or held.startswith("@"):
                return None
            return f"{MAPPING if wrapper in _MAPPING_TYPES else ELEMENTS}{held}"
        if wrapper in {"tuple", "Tuple"} and isinstance(annotation.slice, ast.Tuple):
            elements = annotation.slice.elts
            if any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in elements):
                return None  # ``tuple[Client, ...]``: no fixed positions
            items = ["" if (n := _annotation_class(e)) is None or n.startswith(TUPLE) else n for e in elements]
            return f"{TUPLE}{','.join(items)}" if any(items) else None
        if wrapper in {"AsyncIterator", "AsyncGenerator", "Iterator", "Generator", "Optional"}:
            inner = annotation.slice
            if isinstance(inner, ast.Tuple) and inner.elts:
                inner = inner.elts[0]
            return _annotation_class(inner)
        return None
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            return _annotation_class(ast.parse(annotation.value, mode="eval").body)
        except SyntaxError:
            return None
    name = dotted_name(annotation)
    return name or None


def _produced_name(
    value: ast.expr | None,
    locals_: dict[str, str],
    params: frozenset[str] = frozenset(),
    requested: frozenset[str] = frozenset(),
) -> str | None:
    """What an expression evidently produces: ``Cls(...)`` -> "Cls", ``self`` -> "self",
    ``await factory()`` -> "@await:factory", ``patch("app.fetch")`` -> "@patch:patch:app.fetch"
    (``params``: the function's parameters, the only names a ``mocker.patch`` may be called
    on). A call of a method of one of ``requested`` (a fixture's requested fixtures:
    ``await connection.channel()``) is "@param:connection.channel", so that ``connection``
    is looked up as a fixture, not as a module name."""
    if isinstance(value, ast.Await):
        inner = value.value
        if isinstance(inner, ast.Call) and dotted_name(inner.func):
            return f"{AWAITED}{_called_name(inner.func, params)}"
        return None
    if isinstance(value, ast.Call):
        spec = _mock_spec(value)
        if spec is not None:
            spec, as_class, _ = spec.partition(AUTOSPEC_CLASS)
            return f"{SPEC}{dotted_name(value.func)}{as_class}:{spec}"
        patched = _patched_name(value, params)
        if patched is not None:
            return patched
        if isinstance(value.func, ast.Attribute) and value.func.attr == "start" and not value.args:
            started = _patched_name(value.func.value, frozenset())  # ``patch("app.fetch").start()``
            return f"{ENTERED}{started}" if started else None
        return _called_name(value.func, requested, bare=True) or None
    if isinstance(value, ast.Name):
        if value.id == "self":
            return "self"
        return locals_.get(value.id)  # a bare ``cls`` is the class, not an instance of it
    if isinstance(value, ast.Attribute):
        path: list[str] = []
        head: ast.expr = value
        while isinstance(head, ast.Attribute):
            path.append(head.attr)
            head = head.value
        if not isinstance(head, ast.Name):
            return None
        receiver = f"{PARAMETER}{head.id}" if head.id in requested else _produced_name(head, locals_)
        return f"{ATTRIBUTE}{'.'.join(reversed(path))}:{receiver}" if receiver else None
    if isinstance(value, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in value.elts):
        items = [
            "" if (n := _produced_name(e, locals_, params, requested)) is None or n.startswith(TUPLE) else n
            for e in value.elts
        ]
        return f"{TUPLE}{','.join(items)}" if any(items) else None
    return None


def _mock_spec(call: ast.Call) -> str | None:
    """The spec of a mock class call, as written ("" when not a name); None without one."""
    func = dotted_name(call.func).rsplit(".", 1)[-1]
    if func == "create_autospec":
        return _autospec(call)
    if func not in _MOCK_CLASS_NAMES:
        return None
    for keyword in call.keywords:
        if keyword.arg in ("spec", "spec_set"):
            return dotted_name(keyword.value) if isinstance(keyword.value, (ast.Name, ast.Attribute)) else ""
    if call.args:
        first = call.args[0]
        return dotted_name(first) if isinstance(first, (ast.Name, ast.Attribute)) else ""
    return None


def _autospec(call: ast.Call) -> str | None:
    """``Repo`` for ``create_autospec(Repo, instance=True)``, ``Repo#class`` without
    ``instance``; None for a spec that is not a name or an ``instance`` not written out."""
    spec = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "spec"), None)
    if not isinstance(spec, (ast.Name, ast.Attribute)) or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    instance = next((k.value for k in call.keywords if k.arg == "instance"), None)
    if instance is None or (isinstance(instance, ast.Constant) and instance.value is False):
        return f"{dotted_name(spec)}{AUTOSPEC_CLASS}"
    return dotted_name(spec) if isinstance(instance, ast.Constant) and instance.value is True else None


def _patched_name(value: ast.expr, params: frozenset[str]) -> str | None:
    """``@patch:patch:app.fetch`` for ``patch("app.fetch")`` (any spelling of ``patch`` /
    ``patch.object``), when the call makes a mock that follows its target; else None.
    Whether ``patch`` is unittest.mock's is decided where the name is resolved."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, (ast.Name, ast.Attribute)):
        return None
    func = dotted_name(value.func)
    is_object = func == "patch.object" or func.endswith(".patch.object")
    if not (is_object or func == "patch" or func.endswith(".patch")):
        return None
    head = func.partition(".")[0]
    if head.endswith("mocker") and head not in params:
        return None  # pytest-mock's fixture is a parameter; anything else named so is unknown
    if any(k.arg is None or k.arg in _NOT_FOLLOWING_TARGET for k in value.keywords):
        return None
    args = value.args
    if any(isinstance(a, ast.Starred) for a in args) or len(args) != (2 if is_object else 1):
        return None
    name = args[-1]
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str)) or ":" in func:
        return None
    if is_object:
        owner = dotted_name(args[0]) if isinstance(args[0], (ast.Name, ast.Attribute)) else ""
        return f"{PATCHED}{func}:{owner}.{name.value}" if owner else None
    return f"{PATCHED}{func}:{name.value}"


def _called_name(func: ast.expr, params: frozenset[str], bare: bool = False) -> str:
    """The dotted name of a callee; "@param:p.method" for a method of a parameter ``p``, and
    with ``bare`` "@param:p()" for a call of ``p`` itself (a fixture handing out a factory)."""
    name = dotted_name(func)
    head, dot, _ = name.partition(".")
    if bare and not dot and name in params:
        return f"{PARAMETER}{name}()"
    return f"{PARAMETER}{name}" if dot and head in params else name


def _type_argument(func: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """``def resolve(self, cls: type[T]) -> T``: the parameter whose class the result is an
    instance of, as "@typearg:cls"; None for any other signature."""
    returned = func.returns
    if not isinstance(returned, ast.Name):
        return None
    for argument in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs):
        annotation = argument.annotation
        if (
            isinstance(annotation, ast.Subscript)
            and dotted_name(annotation.value).rsplit(".", 1)[-1] in ("type", "Type")
            and isinstance(annotation.slice, ast.Name)
            and annotation.slice.id == returned.id
        ):
            return f"{TYPEARG}{argument.arg}"
    return None


def _returned_class(func: ast.FunctionDef | ast.AsyncFunctionDef, body: _FunctionBody, is_fixture: bool) -> str | None:
    """What a function evidently returns or yields, as a dotted name to resolve later.

    The return annotation wins (``AsyncIterator[Client]`` gives ``Client``); else
    every ``return``/``yield`` must agree on ``Cls(...)``, a factory call, ``self``,
    or a local bound once to such a call (``c = Client(); yield c``).
    """
    by_argument = _type_argument(func)
    if by_argument is not None:
        return by_argument
    annotated = _annotation_class(func.returns)
    first = func.args.posonlyargs[:1] or func.args.args[:1]
    if annotated and first and first[0].annotation is not None and _annotation_class(first[0].annotation) == annotated:
        return "self"  # ``def __aenter__(self: T) -> T``: a TypeVar bound to the instance
    if annotated:
        return "self" if annotated.rsplit(".", 1)[-1] == "Self" else annotated
    # Statements only (returns, yields and assignments live there): cheaper than every node.
    bodies: list[ast.AST] = [
        node.value if isinstance(node, ast.Expr) and isinstance(node.value, ast.Yield) else node
        for node in body.statements
    ]
    arguments = (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)
    params = frozenset(a.arg for a in arguments)
    locals_: dict[str, str] = {}
    ambiguous: set[str] = set()
    assignments: list[tuple[ast.AST, ast.expr, ast.expr | None]] = []
    for node in bodies:
        targets: list[tuple[ast.expr, ast.expr | None]] = []
        if isinstance(node, ast.Assign):
            targets = [(t, node.value) for t in node.targets]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [(node.target, node.value)]
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            targets = [(i.optional_vars, i.context_expr) for i in node.items if i.optional_vars]
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            targets = [(node.target, None)]
        assignments.extend((node, target, value) for target, value in targets)
    # A fixture's requested fixtures, unless the body rebinds them.
    requested: frozenset[str] = frozenset()
    if is_fixture:
        assigned = {n.id for _, target, _ in assignments for n in ast.walk(target) if isinstance(n, ast.Name)}
        requested = frozenset(a.arg for a in arguments if a.arg not in ("self", "cls") and a.arg not in assigned)
    for node, target, value in assignments:
        if isinstance(target, ast.Name):
            name = _produced_name(value, {}, params, requested)
            if name is not None and isinstance(node, (ast.With, ast.AsyncWith)):
                name = f"{ENTERED}{name}"
            if name is None or target.id in locals_:
                ambiguous.add(target.id)
            else:
                locals_[target.id] = name
    for name in ambiguous:
        locals_.pop(name, None)
    found: set[str | None] = set()
    for argument in arguments if is_fixture else ():
        if argument.arg not in ("self", "cls") and argument.arg not in locals_ and argument.arg not in ambiguous:
            locals_[argument.arg] = f"{PARAMETER}{argument.arg}"  # ``return client``
    local_names: set[str] | None = None  # every name the body binds, when a bare name is returned
    for node in bodies:
        if not isinstance(node, (ast.Return, ast.Yield)) or node.value is None:
            continue
        value = node.value
        if isinstance(value, ast.Name) and value.id not in locals_ and value.id not in params and value.id != "self":
            if local_names is None:
                local_names = {n.id for _, t, _ in assignments for n in ast.walk(t) if isinstance(n, ast.Name)}
                local_names |= body.nested  # nested functions and classes: local, never module names
            if value.id not in local_names:
                found.add(f"{VALUE}{value.id}")  # ``return SessionLocal``: a module-level name
                continue
        found.add(_produced_name(value, locals_, params, requested))
    if len(found) == 1:
        return found.pop()
    return None


def _fixture_children(func: ast.FunctionDef | ast.AsyncFunctionDef, body: _FunctionBody) -> tuple[str, ...]:
    """``local.child = value`` statements of a fixture that returns or yields ``local``
    (top-level and nested blocks, not inner functions), as "child=<produced>"."""
    statements = body.statements
    handed: set[str] = set()
    for node in statements:
        value = node.value if isinstance(node, (ast.Return, ast.Expr)) else None
        if isinstance(value, ast.Yield):
            value = value.value
        if isinstance(node, ast.Return) or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Yield)):
            handed.add(value.id if isinstance(value, ast.Name) else "")
    if len(handed) != 1 or "" in handed:
        return ()
    local = handed.pop()
    arguments = (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)
    params = frozenset(a.arg for a in arguments)
    children: dict[str, str] = {}
    for node in statements:
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == local:
                produced = _produced_name(node.value, {}, params) or ""
                children[target.attr] = "" if target.attr in children else produced
    return tuple(sorted(f"{child}={produced}" for child, produced in children.items()))


def _fixture_name(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """``name="client"`` of a fixture decorator, else the function's own name."""
    for deco in node.decorator_list:
        if isinstance(deco, ast.Call) and _is_fixture_decorator(dotted_name(deco.func)):
            for kw in deco.keywords:
                if kw.arg == "name" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    return kw.value.value
    return node.name


def _params_marked(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for deco in node.decorator_list:
        if isinstance(deco, ast.Call) and _is_fixture_decorator(dotted_name(deco.func)):
            for kw in deco.keywords:
                if kw.arg == "params":
                    if not isinstance(kw.value, (ast.List, ast.Tuple)):
                        return True
                    return any(isinstance(n, ast.keyword) and n.arg == "marks" for n in ast.walk(kw.value))
    return False


def _installs_loop(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """The body calls ``set_event_loop(X)`` with an X other than ``None`` (fixtures only)."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and inner.args:
            func = inner.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name == "set_event_loop" and not (
                isinstance(inner.args[0], ast.Constant) and inner.args[0].value is None
            ):
                return True
    return False


def _function_facts(
    node: ast.FunctionDef | ast.AsyncFunctionDef, text: _ModuleText, body: _FunctionBody | None = None
) -> FunctionFacts:
    """Every fact of one function; its statements are walked once (``body``, shared with a
    caller that reads them too)."""
    body = body or _FunctionBody(node)
    decorators = tuple(dotted_name(d) for d in node.decorator_list)
    args = node.args
    params = tuple(a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs))
    is_fixture = any(_is_fixture_decorator(d) for d in decorators if d)
    return FunctionFacts(
        name=node.name,
        kind=_function_kind(node, text),
        decorators=decorators,
        params=params,
        line=node.lineno,
        wrapper_kind=_wrapper_kind(node, body, text),
        is_fixture=is_fixture,
        autouse=_autouse(node) if is_fixture else False,
        returns=_returned_class(node, body, is_fixture),
        fixture_name=_fixture_name(node) if is_fixture else None,
        params_marked=_params_marked(node) if is_fixture else False,
        children=_fixture_children(node, body) if is_fixture else (),
        installs_loop=is_fixture and text.may_hold("set_event_loop", node) and _installs_loop(node),
    )


def mark_names(value: ast.expr) -> tuple[str, ...] | None:
    """Mark names in a ``pytestmark`` value or decorator; None when not understood."""
    items = value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]
    names: list[str] = []
    for item in items:
        name = dotted_name(item)
        parts = name.split(".")
        if "mark" not in parts[:-1]:
            return None
        names.append(parts[-1])
    return tuple(names)


def _changes_pytestmark(stmt: ast.stmt) -> bool:
    """``pytestmark += [...]`` or ``pytestmark.append(...)``: marks no longer read from a value."""
    if isinstance(stmt, ast.AugAssign):
        return isinstance(stmt.target, ast.Name) and stmt.target.id == "pytestmark"
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        func = stmt.value.func
        return isinstance(func, ast.Attribute) and dotted_name(func.value) == "pytestmark"
    return False


def _decorator_marks(decorators: list[ast.expr]) -> list[str]:
    marks = []
    for deco in decorators:
        parts = dotted_name(deco).split(".")
        if len(parts) >= 2 and parts[-2] == "mark":
            marks.append(parts[-1])
    return marks


def _class_facts(node: ast.ClassDef, text: _ModuleText) -> ClassFacts:
    """Every fact of one class. Each method's statements are walked at most once
    (``bodies``): a fact read from method bodies takes them from there."""
    bodies: dict[str, _FunctionBody] = {}
    methods: dict[str, FunctionFacts] = {}
    marks: list[str] | None = _decorator_marks(node.decorator_list)
    attributes: dict[str, str] = {}
    rebound: set[str] = set()
    for stmt in node.body:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    if target.id in attributes or target.id in rebound:
                        rebound.add(target.id)
                    held = _held_value(stmt) if len(targets) == 1 else None
                    if held and not held.startswith(PARTIAL):
                        attributes[target.id] = held
                    else:
                        rebound.add(target.id)
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = bodies[stmt.name] = _FunctionBody(stmt)  # a method defined twice: the last wins
            methods[stmt.name] = _function_facts(stmt, text, body)
        elif isinstance(stmt, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in stmt.targets
        ):
            found = mark_names(stmt.value)
            marks = None if found is None or marks is None else marks + list(found)
        elif _changes_pytestmark(stmt):
            marks = None
    return ClassFacts(
        name=node.name,
        bases=tuple(dotted_name(b) for b in node.bases),
        methods=methods,
        has_metaclass=any(k.arg == "metaclass" for k in node.keywords),
        marks=tuple(marks) if marks is not None else None,
        has_init="__init__" in methods,
        line=node.lineno,
        attributes=_merged_attributes(attributes, rebound, _instance_attributes(bodies), methods),
    )


def _merged_attributes(
    in_body: dict[str, str], rebound: set[str], on_instances: dict[str, str], methods: dict[str, FunctionFacts]
) -> dict[str, str]:
    """Class-body attributes and those set up on instances; a name bound in both, more than
    once, or also a method, holds nothing evident."""
    merged = {name: held for name, held in in_body.items() if name not in rebound}
    for name, held in on_instances.items():
        if name in in_body or name in rebound:
            merged.pop(name, None)
        else:
            merged[name] = held
    return {name: held for name, held in merged.items() if name not in methods}


def _instance_attributes(bodies: dict[str, _FunctionBody]) -> dict[str, str]:
    """``self.x = Client(...)`` / ``self.x: Client = ...`` / ``self.x = param`` (an annotated
    parameter) in a set-up method (``__init__``, ``setUp``, ``asyncSetUp``, ...), when no other
    method of the class binds ``x`` (tear-down methods aside: they run after the test).
    Statements only (the methods' shared bodies), never nested functions."""
    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name, body in bodies.items():
        if name in TEARDOWN_METHODS:
            continue
        method = body.node
        setting_up = name in SETUP_METHODS
        arguments = (*method.args.posonlyargs, *method.args.args, *method.args.kwonlyargs)
        params = frozenset(a.arg for a in arguments)
        locals_ = {
            a.arg: written for a in arguments[1:] if (written := _annotation_class(a.annotation)) and written != "self"
        }
        for stmt in body.statements:
            targets: list[ast.expr]
            if isinstance(stmt, ast.Assign):
                targets = [
                    t for target in stmt.targets for t in (target.elts if isinstance(target, ast.Tuple) else [target])
                ]
            elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
                targets = [stmt.target]
            else:
                continue
            for target in targets:
                if not (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in ("self", "cls")
                ):
                    continue
                attribute = target.attr
                held: str | None = None
                if setting_up and isinstance(stmt, ast.AnnAssign):
                    held = _annotation_class(stmt.annotation)
                if setting_up and held is None and isinstance(stmt, (ast.Assign, ast.AnnAssign)) and len(targets) == 1:
                    held = _produced_name(stmt.value, locals_, params)
                if held is None or held == "self" or attribute in found:
                    ambiguous.add(attribute)
                else:
                    found[attribute] = held
    return {attribute: held for attribute, held in found.items() if attribute not in ambiguous}


def _string_items(value: ast.expr) -> tuple[str, ...]:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return (value.value,)
    if isinstance(value, (ast.List, ast.Tuple)):
        return tuple(e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str))
    return ()


def _added_marks(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr | None]:
    """The marks a collection hook adds (``item.add_marker(...)``)."""
    if node.name not in ("pytest_collection_modifyitems", "pytest_itemcollected"):
        return []
    return [
        n.args[0] if n.args else None
        for n in ast.walk(node)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "add_marker"
    ]


def _hook_runs_coroutines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A conftest hook that runs coroutine tests itself or marks items for a runner."""
    if node.name == "pytest_pyfunc_call":
        return True
    # Marks added after collection reach anyio and trio, but pytest-asyncio (0.23 on) decides
    # at collection time: an ``asyncio`` mark added here does not make a test run.
    return any(not _is_asyncio_mark(arg) for arg in _added_marks(node))


def _is_asyncio_mark(node: ast.expr | None) -> bool:
    if isinstance(node, ast.Constant):
        return node.value == "asyncio"
    return node is not None and dotted_name(node).rsplit(".", 1)[-1] == "asyncio"


def _collect_imports(node: ast.Import | ast.ImportFrom, summary: ModuleSummary, star: list[str]) -> None:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                summary.imports[alias.asname] = alias.name
            else:
                top = alias.name.split(".", 1)[0]
                summary.imports.setdefault(top, top)
        return
    base = resolve_relative(summary.module, summary.is_package, node.level, node.module)
    for alias in node.names:
        if alias.name == "*":
            star.append(base)
        else:
            summary.imports[alias.asname or alias.name] = f"{base}.{alias.name}" if base else alias.name


def _held_value(node: ast.Assign | ast.AnnAssign) -> str | None:
    """What a module-level assignment evidently holds (see ``ModuleSummary.variables``)."""
    if isinstance(node, ast.AnnAssign):
        annotated = _annotation_class(node.annotation)
        if annotated:
            return annotated
    value = node.value
    if not isinstance(value, ast.Call):
        return None
    func = dotted_name(value.func)
    if func.rpartition(".")[2] == "partial" and value.args:
        inner = dotted_name(value.args[0])
        return f"{PARTIAL}{inner}" if inner else None
    return func or None


def _rebound_names(tree: ast.Module) -> set[str]:
    """Module-level names bound more than once or changed in place (``+=``, ``NAME[i] = ...``,
    ``NAME.append(...)``): what one assignment says of them may not be what they hold.
    Module-level statements only, so the cost stays a fraction of the module."""
    seen: set[str] = set()
    rebound: set[str] = set()
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            (rebound if node.name in seen else seen).add(node.name)
            continue
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            (rebound if node.id in seen else seen).add(node.id)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            rebound.add(node.target.id)
        elif isinstance(node, (ast.Attribute, ast.Subscript)) and not isinstance(node.ctx, ast.Load):
            if isinstance(node.value, ast.Name):
                rebound.add(node.value.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if isinstance(node.func.value, ast.Name) and node.func.attr in _MUTATING_METHODS:
                rebound.add(node.func.value.id)
        stack.extend(ast.iter_child_nodes(node))
    return rebound


_MUTATING_METHODS = frozenset({"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse"})


def _record_alias_or_list(name: str, value: ast.expr, summary: ModuleSummary) -> None:
    """``ModuleSummary.aliases`` and ``ModuleSummary.lists`` for one module-level assignment."""
    if isinstance(value, (ast.Name, ast.Attribute)):
        target = dotted_name(value)
        if target and target != name:
            summary.aliases[name] = target
    elif isinstance(value, ast.List):
        items: list[str] = []
        for element in value.elts:
            starred = isinstance(element, ast.Starred)
            text = dotted_name(element.value if isinstance(element, ast.Starred) else element)
            if not text:
                return
            items.append(f"*{text}" if starred else text)
        summary.lists[name] = tuple(items)


def summarize(
    source: str | bytes, path: str, module: str, is_package: bool, tree: ast.Module | None = None
) -> ModuleSummary:
    """Summarise one module's top level (plus imports anywhere: they are project-visible facts).

    ``tree`` lets a caller that already parsed the source (the linter) share its tree.
    """
    summary = ModuleSummary(path=path, module=module, is_package=is_package)
    if tree is None:
        try:
            with warnings.catch_warnings():  # the module's SyntaxWarnings are not this run's
                warnings.simplefilter("ignore")
                tree = ast.parse(source, filename=path)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            line = getattr(exc, "lineno", None) or 1
            col = getattr(exc, "offset", None) or 1
            summary.syntax_error = (line, col, getattr(exc, "msg", None) or str(exc) or type(exc).__name__)
            return summary
    star: list[str] = []
    text = _ModuleText(source)
    rebound: set[str] | None = None  # walked for the first alias or list only
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            _collect_imports(node, summary, star)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            summary.functions[node.name] = _function_facts(node, text)
            summary.runs_coroutines |= _hook_runs_coroutines(node)
            summary.adds_asyncio_marks |= any(_is_asyncio_mark(arg) for arg in _added_marks(node))
        elif isinstance(node, ast.ClassDef):
            summary.classes[node.name] = _class_facts(node, text)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            if node.value is None:
                continue
            if "pytestmark" in names:
                summary.module_marks = mark_names(node.value)
            if "pytest_plugins" in names:
                summary.pytest_plugins = _string_items(node.value)
            if "__all__" in names:
                summary.all_names = _string_items(node.value)
            held = _held_value(node)
            if held and len(names) == 1:
                summary.variables[next(iter(names))] = held
            if len(names) == 1 and isinstance(node.value, (ast.Name, ast.Attribute, ast.List)):
                if rebound is None:
                    rebound = _rebound_names(tree)
                if not (names & rebound):
                    _record_alias_or_list(next(iter(names)), node.value, summary)
        elif _changes_pytestmark(node):
            summary.module_marks = None
        elif isinstance(node, (ast.If, ast.Try)):
            # imports guarded by try/except ImportError or TYPE_CHECKING still name targets
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    _collect_imports(sub, summary, star)
    _collect_function_imports(tree, summary, text)
    summary.star_imports = tuple(star)
    return summary


def _collect_function_imports(tree: ast.Module, summary: ModuleSummary, text: _ModuleText) -> None:
    """Imports inside functions (``def client(): from app import Client; return Client()``)
    name what the function produces; they count where no module-level name is taken.
    Functions without the word ``import`` on their lines are not walked."""
    local = ModuleSummary(path=summary.path, module=summary.module, is_package=summary.is_package)
    ignored: list[str] = []
    bodies = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    bodies += [
        m
        for c in tree.body
        if isinstance(c, ast.ClassDef)
        for m in c.body
        if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    bodies = [function for function in bodies if text.may_hold("import", function)]
    stack: list[ast.stmt] = [stmt for function in bodies for stmt in function.body]
    while stack:  # statements only: imports are statements, and expressions are most nodes
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            _collect_imports(node, local, ignored)
        elif not isinstance(node, ast.ClassDef):
            for name in ("body", "orelse", "finalbody", "handlers", "cases"):
                stack.extend(getattr(node, name, ()))
    for name, target in local.imports.items():
        if name not in summary.imports and name not in summary.functions and name not in summary.classes:
            summary.imports[name] = target
