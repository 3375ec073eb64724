"""Who owns an event loop: the facts ASL401 needs to tell a hand-managed loop from one a
harness, a fixture or a closing block takes care of.

A loop is managed by hand when test code creates it and may leave it open, installs it
globally and never restores the previous one, asks for the current loop where none runs,
or drives work through it that the project's runner could simply await. It is *not*
when a fixture hands it over, a test-case harness owns ``self.loop`` / ``cls.loop``, the
same function closes it on every path, or the test's subject is the loop API itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from asynclint.semantics import tables
from asynclint.semantics.filemodel import ClassScope, FileModel, FunctionScope, Scope
from asynclint.semantics.fixtures import iter_conftest_summaries, resolve_fixture
from asynclint.semantics.pytest_items import fixture_decorator, fixture_name, requested_fixtures, shared_usefixtures
from asynclint.semantics.values import Instance

if TYPE_CHECKING:
    from asynclint.semantics.context import FileContext

# Loop methods other than running it: a test calling these is about the loop itself.
LOOP_API_METHODS: frozenset[str] = frozenset(
    {
        "call_soon",
        "call_soon_threadsafe",
        "call_later",
        "call_at",
        "time",
        "add_reader",
        "remove_reader",
        "add_writer",
        "remove_writer",
        "add_signal_handler",
        "remove_signal_handler",
        "set_exception_handler",
        "get_exception_handler",
        "default_exception_handler",
        "call_exception_handler",
        "set_debug",
        "get_debug",
        "is_running",
        "is_closed",
        "shutdown_asyncgens",
        "shutdown_default_executor",
        "set_default_executor",
        "create_server",
        "create_connection",
        "create_datagram_endpoint",
        "create_unix_server",
        "create_unix_connection",
        "subprocess_exec",
        "subprocess_shell",
        "sock_recv",
        "sock_sendall",
        "sock_connect",
        "sock_accept",
        "getaddrinfo",
        "getnameinfo",
        "connect_read_pipe",
        "connect_write_pipe",
        "set_task_factory",
        "get_task_factory",
        "stop",
        "run_in_executor",
        "create_future",
        "start_tls",
        "sendfile",
    }
)
# Keywords of ``asyncio.run`` that make the call a test of the API, not a way to await.
RUN_API_KEYWORDS: frozenset[str] = frozenset({"debug", "loop_factory"})
# Methods of a test case (unittest or pytest's xunit style) that set a harness up or down.
HARNESS_METHODS: frozenset[str] = frozenset(
    {
        "setUp",
        "tearDown",
        "setUpClass",
        "tearDownClass",
        "asyncSetUp",
        "asyncTearDown",
        "setup_method",
        "teardown_method",
        "setup_class",
        "teardown_class",
        "setup",
        "teardown",
        "setup_module",
        "teardown_module",
        "setUpModule",
        "tearDownModule",
        "__init__",
        "run",
        "_callSetUp",
        "_callTearDown",
        "_callTestMethod",
        "_setupAsyncioRunner",
        "_tearDownAsyncioRunner",
    }
)


@dataclass
class _LoopUses(cst.CSTVisitor):
    """One pass over a function body: how loops are closed, restored and used."""

    closed_safely: set[str] = field(default_factory=set)  # texts closed in finally/after yield
    closed_anywhere: set[str] = field(default_factory=set)
    api_receivers: set[str] = field(default_factory=set)  # texts used for LOOP_API_METHODS
    closing_values: list[cst.BaseExpression] = field(default_factory=list)  # closing(X) args
    assigned: dict[int, str] = field(default_factory=dict)  # id(value) -> target text
    loop_names: set[str] = field(default_factory=set)  # targets bound to a loop getter's result
    running_names: set[str] = field(default_factory=set)  # targets bound to get_running_loop()
    # (target, id(call), the if-branches it sits in) in order
    creations: list[tuple[str, int, tuple[tuple[int, bool], ...]]] = field(default_factory=list)
    loops_made: int = 0  # new_event_loop() and asyncio.run() calls: each makes a loop
    set_loop_calls: int = 0
    installs: bool = False  # set_event_loop(X) with X other than None
    set_loop_args: set[str] = field(default_factory=set)  # texts handed to set_event_loop
    handed_over: set[str] = field(default_factory=set)  # texts passed to any other call
    current_reads: set[str] = field(default_factory=set)  # targets of ``get_event_loop()``
    closing_targets: set[str] = field(default_factory=set)  # ``with closing(new_event_loop()) as X``
    asserted: set[str] = field(default_factory=set)  # texts compared by identity/equality in asserts
    asserted_calls: set[int] = field(default_factory=set)  # ids of loop getter calls compared so
    _finally_depth: int = 0
    _assert_depth: int = 0
    _seen_yield: bool = False
    _branches: list[tuple[int, bool]] = field(default_factory=list)  # (id(if), in its else part)
    _module: cst.Module = field(default_factory=lambda: cst.Module(body=[]))

    def _text(self, node: cst.CSTNode) -> str:
        return self._module.code_for_node(node)

    def visit_Finally(self, node: cst.Finally) -> None:
        self._finally_depth += 1

    def leave_Finally(self, original_node: cst.Finally) -> None:
        self._finally_depth -= 1

    def visit_If_body(self, node: cst.If) -> None:
        self._branches.append((id(node), False))

    def leave_If_body(self, node: cst.If) -> None:
        self._branches.pop()

    def visit_If_orelse(self, node: cst.If) -> None:
        self._branches.append((id(node), True))

    def leave_If_orelse(self, node: cst.If) -> None:
        self._branches.pop()

    def visit_Yield(self, node: cst.Yield) -> None:
        self._seen_yield = True

    def visit_Assert(self, node: cst.Assert) -> None:
        self._assert_depth += 1

    def leave_Assert(self, original_node: cst.Assert) -> None:
        self._assert_depth -= 1

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if not self._assert_depth or not any(
            isinstance(target.operator, _IDENTITY_OPERATORS) for target in node.comparisons
        ):
            return
        for operand in (node.left, *(target.comparator for target in node.comparisons)):
            if _called_name(operand) in _LOOP_GETTERS:
                self.asserted_calls.add(id(operand))
            elif isinstance(operand, (cst.Name, cst.Attribute)):
                self.asserted.add(self._text(operand))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        item = node.item
        if (
            _called_name(item) == "closing"
            and isinstance(item, cst.Call)
            and item.args
            and _called_name(item.args[0].value) == "new_event_loop"
            and node.asname is not None
        ):
            self.closing_targets.add(self._text(node.asname.name))

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1:
            target = self._text(node.targets[0].target)
            self.assigned[id(node.value)] = target
            getter = _called_name(node.value)
            if getter in _LOOP_GETTERS:
                self.loop_names.add(target)
            if getter == "get_running_loop":
                self.running_names.add(target)
            if getter == "new_event_loop":
                self.creations.append((target, id(node.value), tuple(self._branches)))
            elif getter == "get_event_loop":
                self.current_reads.add(target)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        called = _called_name(node)
        if self._assert_depth and called == "isinstance" and node.args:
            self.asserted.add(self._text(node.args[0].value))
        if called == "new_event_loop" or (called == "run" and self._text(func) == "asyncio.run"):
            self.loops_made += 1
        # ``self.set_event_loop(loop)``: a method of the test case (a harness helper that may
        # register the loop's cleanup), which takes the loop over; not asyncio's global setter.
        own_method = isinstance(func, cst.Attribute) and self._text(func.value) in ("self", "cls")
        sets_global = called == "set_event_loop" and not own_method
        for arg in node.args:
            if isinstance(arg.value, (cst.Name, cst.Attribute)):
                text = self._text(arg.value)
                (self.set_loop_args if sets_global else self.handed_over).add(text)
        if isinstance(func, cst.Attribute):
            receiver = self._text(func.value)
            method = func.attr.value
            if method == "close":
                self.closed_anywhere.add(receiver)
                if self._finally_depth or self._seen_yield:
                    self.closed_safely.add(receiver)
            elif method in LOOP_API_METHODS:
                self.api_receivers.add(receiver)
            elif method in ("addCleanup", "addfinalizer", "callback", "enter_context", "push"):
                for arg in node.args:
                    value = arg.value
                    if isinstance(value, cst.Attribute) and value.attr.value == "close":
                        self.closed_safely.add(self._text(value.value))
            elif method == "closing":
                self.closing_values.extend(arg.value for arg in node.args)
        elif isinstance(func, cst.Name) and func.value == "closing":
            self.closing_values.extend(arg.value for arg in node.args)
        if sets_global:
            self.set_loop_calls += 1
            first = node.args[0].value if node.args else None
            if first is not None and not (isinstance(first, cst.Name) and first.value == "None"):
                self.installs = True


_LOOP_GETTERS = frozenset({"new_event_loop", "get_event_loop", "get_running_loop"})
_IDENTITY_OPERATORS = (cst.Is, cst.IsNot, cst.Equal, cst.NotEqual)


def _called_name(node: cst.BaseExpression) -> str:
    """The last name of a call's callee (``asyncio.new_event_loop()`` -> ``new_event_loop``)."""
    if not isinstance(node, cst.Call):
        return ""
    func = node.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else ""


def _is_loop_text(text: str, uses: _LoopUses) -> bool:
    return text in uses.loop_names or "loop" in text.rpartition(".")[2].lower()


def loop_uses(model: FileModel, function: FunctionScope) -> _LoopUses:
    """The loop facts of one function: one walk, memoised in the file model."""
    assert function.node is not None
    key = ("loops", id(function.node))
    found = model.memo.get(key)
    if not isinstance(found, _LoopUses):
        found = _LoopUses(_module=model.module_node)
        function.node.visit(found)
        model.memo[key] = found
    return found


def created_loop_is_closed(model: FileModel, function: FunctionScope, call: cst.Call) -> bool:
    """The loop ``call`` creates is closed by ``function`` (a ``finally``, after a fixture's
    ``yield``, a cleanup callback, ``contextlib.closing``, a plain ``close()``), handed to an
    owner, or closed by the test case that owns it (``self.loop = new_event_loop()`` in
    ``setUp``, closed in ``tearDown``)."""
    uses = loop_uses(model, function)
    if any(value is call for value in uses.closing_values):
        return True
    target = uses.assigned.get(id(call))
    if target is None:
        return False
    made = [(made, branches) for name, made, branches in uses.creations if name == target]
    ids = [m for m, _ in made]
    if id(call) in ids:
        here = made[ids.index(id(call))][1]
        if any(not _exclusive(here, there) for _, there in made[ids.index(id(call)) + 1 :]):
            return False  # rebound to another new loop before anything closes this one
    closed = uses.closed_anywhere | uses.closed_safely
    if target in closed or any(value_text == target for value_text in _closing_texts(model, uses)):
        return True  # closed in the function (a failing assertion before a plain close() leaks it: minor)
    if target in uses.handed_over:
        return True  # handed to an owner (``IOLoop(asyncio_loop=loop)``, ``call_asap(loop, ...)``)
    owner = function.owner_class
    if target.startswith(("self.", "cls.")) and owner is not None:
        return any(target in loop_uses(model, method).closed_anywhere for method in class_methods(model, owner))
    return False


def _exclusive(one: tuple[tuple[int, bool], ...], other: tuple[tuple[int, bool], ...]) -> bool:
    """Two statements in different branches of one ``if`` (``if ...: a`` / ``else: b``):
    at most one of them runs, so the second does not rebind what the first made."""
    return any(a[0] == b[0] and a[1] != b[1] for a, b in zip(one, other))


def _closing_texts(model: FileModel, uses: _LoopUses) -> list[str]:
    return [model.module_node.code_for_node(value) for value in uses.closing_values]


def class_methods(model: FileModel, cls: ClassScope) -> list[FunctionScope]:
    return [f for f in model.functions if f.owner_class is cls and f.node is not None]


def restores_global_loop(model: FileModel, function: FunctionScope) -> bool:
    """``set_event_loop`` is called again in the same function (restoring the previous loop or
    ``None``), or in a method of the same test case (its ``tearDown``)."""
    if loop_uses(model, function).set_loop_calls > 1:
        return True
    owner = function.owner_class
    if owner is None:
        return False
    return any(
        method is not function and loop_uses(model, method).set_loop_calls for method in class_methods(model, owner)
    )


def is_harness_method(function: FunctionScope) -> bool:
    return function.owner_class is not None and function.name in HARNESS_METHODS


def harness_receiver(receiver: cst.BaseExpression, function: FunctionScope) -> bool:
    """A loop the harness hands over: ``self.loop`` / ``cls.loop`` (set up by a base class or
    a metaclass), or a parameter of the function (a fixture such as ``loop`` or ``io_loop``)."""
    if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name):
        return receiver.value.value in ("self", "cls")
    if isinstance(receiver, cst.Name):
        # also pytest-asyncio's ``event_loop``: requesting it is ASL403's finding, not this one
        return receiver.value in function.params
    return False


def tests_the_loop_api(model: FileModel, function: FunctionScope) -> bool:
    """The test exercises loops themselves: it calls loop methods beyond running one
    (``loop.call_soon``, ``loop.time()``, ``set_task_factory`` ...) or makes several loops
    (behaviour across loops): driving them is its subject, not a shortcut."""
    uses = loop_uses(model, function)
    return uses.loops_made >= 2 or any(_is_loop_text(r, uses) for r in uses.api_receivers) or asserts_on_a_loop(uses)


def asserts_on_a_loop(uses: _LoopUses) -> bool:
    """An ``assert`` compares a loop itself (``assert got is loop``, ``assert loop is not
    old``, ``assert isinstance(loop, AbstractEventLoop)``): which loop code hands back is what
    the test checks, so making and installing loops is its subject."""
    return bool(uses.asserted_calls) or any(_is_loop_text(text, uses) for text in uses.asserted)


def asks_what_the_current_loop_is(model: FileModel, function: FunctionScope, call: cst.Call) -> bool:
    """``assert asyncio.get_event_loop() is loop`` (or its result compared so): the test
    checks which loop is current, after installing one; asking is the subject, not a shortcut."""
    uses = loop_uses(model, function)
    return id(call) in uses.asserted_calls or uses.assigned.get(id(call), "\0") in uses.asserted


def replaces_current_loop(model: FileModel, function: FunctionScope) -> bool:
    """The function takes the current loop (``loop = asyncio.get_event_loop()``), closes it and
    installs another or none (``set_event_loop(new_event_loop())``, ``set_event_loop(None)``):
    it manages the process's current loop on purpose (a harness, or a test of code that
    needs a fresh one), and leaves a usable state behind, so none of these calls is a
    shortcut around the runner."""
    key = ("replaces-current-loop", id(function.node))
    found = model.memo.get(key)
    if isinstance(found, bool):
        return found
    uses = loop_uses(model, function)
    found = uses.set_loop_calls > 0 and bool(uses.current_reads & uses.closed_anywhere)
    model.memo[key] = found
    return found


def run_on_owned_loop(model: FileModel, function: FunctionScope, receiver: cst.BaseExpression) -> bool:
    """``loop.run_until_complete(...)`` on a loop the same function made
    (``loop = asyncio.new_event_loop()``, once) and closes on every path (``finally``, after
    a fixture's ``yield``, a cleanup callback, ``with closing(...) as loop``): the test owns
    and cleans up a private loop, which ASL401 does not count as managing one by hand."""
    uses = loop_uses(model, function)
    text = model.module_node.code_for_node(receiver)
    if text in uses.closing_targets:
        return True
    made = [name for name, _, _ in uses.creations if name == text]
    if len(made) != 1:
        return False
    return text in uses.closed_safely or text in _closing_texts(model, uses)


class _RaisesBodies(cst.CSTVisitor):
    """Ids of calls inside ``with pytest.raises(...)`` (or ``self.assertRaises(...)``) blocks."""

    def __init__(self) -> None:
        self.calls: set[int] = set()
        self._depth = 0

    def visit_With(self, node: cst.With) -> None:
        if any(_expects_error(item.item) for item in node.items):
            self._depth += 1

    def leave_With(self, original_node: cst.With) -> None:
        if any(_expects_error(item.item) for item in original_node.items):
            self._depth -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if self._depth:
            self.calls.add(id(node))


def _expects_error(expr: cst.BaseExpression) -> bool:
    if not isinstance(expr, cst.Call):
        return False
    func = expr.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    return name in ("raises", "assertRaises", "assertRaisesRegex")


def expected_to_raise(model: FileModel, call: cst.Call) -> bool:
    """The call sits in a block that asserts an exception: raising is what the test checks
    (``with pytest.raises(RuntimeError): loop.run_until_complete(...)``)."""
    key = ("raises", 0)
    found = model.memo.get(key)
    if not isinstance(found, set):
        visitor = _RaisesBodies()
        model.module_node.visit(visitor)
        found = model.memo[key] = visitor.calls
    return id(call) in found


def saves_for_restore(model: FileModel, function: FunctionScope, call: cst.Call) -> bool:
    """``old = asyncio.get_event_loop()`` whose value goes back with ``set_event_loop(old)``:
    saving the current loop to restore it is the opposite of managing one by hand."""
    uses = loop_uses(model, function)
    target = uses.assigned.get(id(call))
    return target is not None and target in uses.set_loop_args


def sets_harness_loop(call: cst.Call) -> bool:
    """``asyncio.set_event_loop(self.loop)``: the loop a test case's harness owns (and restores
    in its tear-down, perhaps in a subclass or a base class this file does not show)."""
    if not call.args:
        return False
    value = call.args[0].value
    return (
        isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value in ("self", "cls")
    )


_LOOP_NAMES = frozenset({"loop", "event_loop", "io_loop"})


def holds_a_loop(ctx: FileContext, expr: cst.BaseExpression, scope: Scope) -> bool:
    """Whether ``expr`` holds an event loop (for what a dangling ``loop.create_task`` is called
    on): ``asyncio.get_running_loop()``, a name bound to it, a ``loop``/``event_loop``/``io_loop``
    parameter, the loop a test case holds (``self.loop``, ``cls._loop``), or anything value
    inference knows holds a loop (a fixture returning the running loop, an attribute typed
    ``AbstractEventLoop``)."""
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
        if expr.value.value in ("self", "cls") and expr.attr.value.lstrip("_") in _LOOP_NAMES:
            return True
    if isinstance(expr, cst.Call):
        return ctx.resolver.qualify(expr.func, scope) in tables.LOOP_GETTERS
    if isinstance(expr, cst.Name):
        binding = ctx.resolver.lookup(expr.value, scope)
        if binding is None:
            return False
        if binding.kind == "param" and expr.value in _LOOP_NAMES:
            return True
        if binding.kind == "value" and isinstance(binding.value, cst.Call):
            owner = ctx.resolver.owner(expr.value, scope) or scope
            if ctx.resolver.qualify(binding.value.func, owner) in tables.LOOP_GETTERS:
                return True
    held = ctx.resolver.values.infer(expr, scope)
    return (
        isinstance(held, Instance) and held.cls.symbol is not None and held.cls.symbol.qualname in tables.LOOP_CLASSES
    )


def runs_with_a_current_loop(ctx: FileContext, function: FunctionScope) -> bool:
    """Whether a fixture ``function`` runs with may leave a current event loop behind, so that
    ``get_event_loop()`` in it finds one: a fixture that installs one (``set_event_loop(loop)``),
    an async fixture (its plugin's runner installs the loop it runs in), or a fixture asynclint
    cannot find (a plugin's, a conftest outside the tree: unsure). Fixtures count when
    requested as a parameter, by ``usefixtures`` on the function, its class or module, through
    another fixture, or autouse in the file or a conftest (memoised per function)."""
    key = ("current-loop", id(function.node))
    found = ctx.model.memo.get(key)
    if isinstance(found, bool):
        return found
    wanted = [request.name for request in requested_fixtures(function, ctx.resolver) or ()]
    for _, holder, request in shared_usefixtures(ctx.resolver, ctx.profile):
        if holder is None or holder is function.owner_class:
            wanted.append(request.name)
    for summary in (ctx.summary, *iter_conftest_summaries(ctx)):
        wanted.extend(f.fixture_name or f.name for f in summary.functions.values() if f.is_fixture and f.autouse)
    own = fixture_decorator(function, ctx.resolver)
    seen: set[str] = {fixture_name(function, own)} if own is not None else set()
    found = False
    while wanted and not found:
        name = wanted.pop()
        if name in seen or name in tables.LOOPLESS_FIXTURES or name in tables.MOCKER_FIXTURES:
            continue
        seen.add(name)
        info = resolve_fixture(ctx, name, function)
        if info is None or info.is_async or len(seen) > 64:
            found = True  # unknown, async, or too deep to follow
        elif info.facts is not None:
            found = info.facts.installs_loop
            wanted.extend(p for p in info.facts.params if p not in ("self", "cls", name))
        elif info.function is not None and info.function.node is not None:
            found = loop_uses(ctx.model, info.function).installs
            wanted.extend(p for p in info.function.params if p not in ("self", "cls", name))
    ctx.model.memo[key] = found
    return found
