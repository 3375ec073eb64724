"""The unsafe ASL401 fix: a sync test that drives a loop by hand becomes an async test.

Only a simple, fully understood shape is rewritten::

    def test_x(event_loop):                      @pytest.mark.asyncio
        loop = asyncio.new_event_loop()          async def test_x():
        asyncio.set_event_loop(loop)                 assert await fetch() == 1
        try:
            assert loop.run_until_complete(fetch()) == 1
        finally:
            asyncio.set_event_loop(None)
            loop.close()

* ``loop.run_until_complete(X)`` / ``asyncio.run(X)`` (one positional argument)
  become ``await X`` (parenthesised where needed);
* ``loop = asyncio.new_event_loop()`` / ``get_event_loop()``,
  ``asyncio.set_event_loop(loop | None)`` and ``loop.close()`` lines are removed;
  a ``try``/``finally`` left with an empty ``finally`` is unwrapped;
* the ``event_loop`` parameter is dropped, ``@pytest.mark.asyncio`` added (strict
  mode, when no runner mark applies yet; ``@pytest.mark.anyio`` in a project that runs
  its coroutine tests with anyio's plugin) and ``def`` becomes ``async def``.

Anything else — another use of the loop variable, a run call inside a nested
function, lambda or comprehension, ``run_forever``, an unknown decorator, a
unittest class, anyio/trio tests — gets no fix. Unsafe because the work now
runs in pytest-asyncio's loop (its scope and policy) instead of a private one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst

from asynclint.model import Applicability, ImportRequest
from asynclint.rules.base import BEFORE, LINE_BEFORE, FixPlan, NodeEdit
from asynclint.rules.fixes import marks_reference, module_reference
from asynclint.semantics import tables
from asynclint.semantics.ancestry import class_ancestry
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import FunctionScope, dotted
from asynclint.semantics.libraries import preferred_runner
from asynclint.semantics.pytest_items import (
    class_marks,
    collected_test,
    decorator_marks,
    is_unittest_class,
    mark_name,
    module_marks,
)

_CREATORS = frozenset({"asyncio.new_event_loop", "asyncio.get_event_loop"})
_SET_LOOP = "asyncio.set_event_loop"
_PATCH_DECORATORS = frozenset(
    f"{module}.{name}"
    for module in tables.MOCK_MODULES
    for name in ("patch", "patch.object", "patch.dict", "patch.multiple")
)
_PRIMARY = (cst.Call, cst.Name, cst.Attribute, cst.Subscript)
_NESTED = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


# id(run call) -> (the call, what it runs, whether a postfix follows, the indent)
_Runs = dict[int, tuple[cst.Call, cst.BaseExpression, bool, str]]


class _Unfixable(Exception):
    pass


def _single_positional(call: cst.Call) -> cst.BaseExpression | None:
    if len(call.args) == 1 and call.args[0].keyword is None and not call.args[0].star:
        return call.args[0].value
    return None


class _Body(cst.CSTVisitor):
    """Collects run calls, loop-variable uses and lines to remove in one function body."""

    def __init__(self, ctx: FileContext, function: FunctionScope, loop_names: set[str], indent: str) -> None:
        self.ctx = ctx
        self.indents: list[str] = [indent]  # absolute indentation, one entry per open block
        self.function = function
        self.loop_names = loop_names
        self.stack: list[cst.CSTNode] = []
        # id -> (call, X, postfix, indentation of the enclosing block)
        self.runs: _Runs = {}
        self.accounted: set[int] = set()  # ids of Name nodes whose use the rewrite removes
        self.removable: list[cst.SimpleStatementLine] = []
        self.loop_calls: list[cst.Call] = []  # every call of a loop API in this function

    def qualify(self, expr: cst.BaseExpression) -> str:
        return self.ctx.resolver.qualify(expr, self.function)

    # ---------------------------------------------------------------- traversal
    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.SimpleStatementLine) and not self._nested():
            self._statement_line(node)
        if isinstance(node, cst.Call):
            self._call(node)
        if isinstance(node, cst.Name) and node.value in self.loop_names and self._is_reference(node):
            if id(node) not in self.accounted:
                raise _Unfixable(f"`{node.value}` is used in a way the rewrite does not understand")
        if isinstance(node, cst.IndentedBlock) and self.stack:  # the function's own body is counted
            self.indents.append(node.indent if node.indent is not None else self.ctx.model.module_node.default_indent)
        self.stack.append(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.stack.pop()
        if isinstance(original_node, cst.IndentedBlock) and self.stack:
            self.indents.pop()

    def _nested(self) -> bool:
        return any(isinstance(n, _NESTED + _COMPREHENSIONS) for n in self.stack)

    def _is_reference(self, node: cst.Name) -> bool:
        parent = self.stack[-1] if self.stack else None
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            return False
        if isinstance(parent, cst.Arg) and parent.keyword is node:
            return False
        return True

    # ---------------------------------------------------------------- statements
    def _statement_line(self, line: cst.SimpleStatementLine) -> None:
        kinds = [self._removable(statement) for statement in line.body]
        if all(kinds):
            self.removable.append(line)
        elif any(kinds):
            raise _Unfixable("a line mixes loop set-up with other statements")

    def _removable(self, statement: cst.BaseSmallStatement) -> bool:
        """``loop = asyncio.new_event_loop()``, ``asyncio.set_event_loop(loop)``, ``loop.close()``."""
        if isinstance(statement, cst.Assign):
            value = statement.value
            if (
                len(statement.targets) == 1
                and isinstance(statement.targets[0].target, cst.Name)
                and statement.targets[0].target.value in self.loop_names
                and isinstance(value, cst.Call)
                and not value.args
                and self.qualify(value.func) in _CREATORS
            ):
                self.accounted.add(id(statement.targets[0].target))
                self.accounted.add(id(value))
                return True
            return False
        if not isinstance(statement, cst.Expr) or not isinstance(statement.value, cst.Call):
            return False
        call = statement.value
        func = call.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value == "close"
            and isinstance(func.value, cst.Name)
            and func.value.value in self.loop_names
            and not call.args
        ):
            self.accounted.add(id(func.value))
            return True
        if self.qualify(func) == _SET_LOOP:
            arg = _single_positional(call)
            if isinstance(arg, cst.Name) and (arg.value in self.loop_names or arg.value == "None"):
                self.accounted.add(id(arg))
                self.accounted.add(id(call))
                return True
        return False

    # ---------------------------------------------------------------- calls
    def _call(self, call: cst.Call) -> None:
        func = call.func
        api = ""
        if isinstance(func, cst.Attribute) and func.attr.value in tables.LOOP_RUN_METHODS:
            api = func.attr.value
        else:
            qualname = self.qualify(func)
            if qualname in tables.ASYNCIO_RUN:
                api = "run"
            elif qualname in tables.LOOP_CREATORS:
                api = qualname
        if not api:
            name = dotted(func)
            qualname = self.qualify(func)
            other_runner = (
                isinstance(func, cst.Attribute) and func.attr.value == "run" or qualname.endswith(".run")
            ) and not qualname.startswith("subprocess.")
            if other_runner:
                # trio.run / anyio.run / runner.run / module.run: a test about running loops.
                raise _Unfixable(f"`{name}()` runs something else by hand")
            return
        self.loop_calls.append(call)
        if api in tables.LOOP_CREATORS:
            return  # accounted for by a removable line or a run call, checked at the end
        if self._nested():
            raise _Unfixable("a loop is run inside a nested function, lambda or comprehension")
        if api == "run_forever":
            raise _Unfixable("run_forever() has no await equivalent")
        target = _single_positional(call)
        if target is None:
            raise _Unfixable("the run call has extra arguments")
        if api == "run_until_complete":
            receiver = func.value  # type: ignore[attr-defined]
            if isinstance(receiver, cst.Name) and receiver.value in self.loop_names:
                self.accounted.add(id(receiver))
            elif isinstance(receiver, cst.Call) and not receiver.args and self.qualify(receiver.func) in _CREATORS:
                self.accounted.add(id(receiver))
            else:
                raise _Unfixable("the loop is not one this test creates")
        self.accounted.add(id(call))
        self.runs[id(call)] = (call, target, self._postfix(call), "".join(self.indents))

    def _postfix(self, call: cst.Call) -> bool:
        """Whether the call is the base of an attribute, subscript or call (needs parentheses)."""
        parent = self.stack[-1] if self.stack else None
        if isinstance(parent, cst.Attribute) and parent.value is call:
            return True
        if isinstance(parent, cst.Subscript) and parent.value is call:
            return True
        if isinstance(parent, cst.Call) and parent.func is call:
            return True
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Power):
            return parent.left is call
        return False


def code_at(ctx: FileContext, node: cst.CSTNode, indent: str) -> str:
    """The code of ``node`` as it reads inside a block indented by ``indent``.

    ``Module.code_for_node`` renders a node as if at column 0, which shortens
    the continuation lines of a bracketed expression written inside a block.
    """
    module = ctx.model.module_node
    try:
        from libcst._nodes.internal import CodegenState
    except ImportError:  # pragma: no cover - libcst moved its internals
        return module.code_for_node(node)
    state = CodegenState(default_indent=module.default_indent, default_newline=module.default_newline)
    state.indent_tokens = [indent] if indent else []
    node._codegen(state)
    return "".join(state.tokens)


def _breaks(whitespace: cst.BaseParenthesizableWhitespace) -> bool:
    """Whitespace holding a line break or a comment."""
    if isinstance(whitespace, cst.ParenthesizedWhitespace):
        return True
    assert isinstance(whitespace, cst.SimpleWhitespace)  # the only other kind
    return "\\" in whitespace.value


def _parenthesized(expr: cst.BaseExpression, lpar: cst.LeftParen, rpar: cst.RightParen) -> cst.BaseExpression:
    return expr.with_changes(lpar=[lpar, *expr.lpar], rpar=[*expr.rpar, rpar])


def _await_node(ctx: FileContext, call: cst.Call, target: cst.BaseExpression, postfix: bool) -> cst.Await:
    """``await X`` for a run call, parenthesised where the grammar needs it.

    When the call's parentheses hold line breaks or comments around ``X``, they
    stay as grouping parentheses (``await (  # comment ... X ... )``): no byte of
    the argument list is lost.
    """
    arg = call.args[0]
    comma = arg.comma
    after = comma.whitespace_after if isinstance(comma, cst.Comma) else arg.whitespace_after_arg
    before = call.whitespace_before_args
    if _breaks(before) or _breaks(after) or (isinstance(comma, cst.Comma) and _breaks(comma.whitespace_before)):
        expr = _parenthesized(target, cst.LeftParen(whitespace_after=before), cst.RightParen(whitespace_before=after))
    else:
        primary = isinstance(target, _PRIMARY) or bool(target.lpar)
        if isinstance(target, cst.Call):
            head: cst.CSTNode = target.func
        elif isinstance(target, cst.Subscript):
            head = target.value
        else:
            head = target
        head_code = ctx.model.module_node.code_for_node(head)
        multiline_head = ("\n" in head_code or "\r" in head_code) and not target.lpar
        expr = target if primary and not multiline_head else _parenthesized(target, cst.LeftParen(), cst.RightParen())
    node = cst.Await(expression=expr)
    if postfix and not call.lpar:
        node = node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return node


def _block_indent(block: cst.BaseSuite, default: str) -> str:
    return block.indent if isinstance(block, cst.IndentedBlock) and block.indent is not None else default


def _def_indent(ctx: FileContext, function: FunctionScope) -> str | None:
    """Indentation of the ``def`` line (module level or a module-level class)."""
    default = ctx.model.module_node.default_indent
    parent = function.parent
    if function.owner_class is None:
        return "" if parent is ctx.model.module else None
    cls = function.owner_class
    if cls.node is None or cls.parent is not ctx.model.module:
        return None
    return _block_indent(cls.node.body, default)


def _comments(lines: Sequence[cst.EmptyLine]) -> bool:
    return any(line.comment is not None for line in lines)


def _loses_comments(statement: cst.Try) -> bool:
    """Whether unwrapping would drop a comment other than one on a removed line."""
    finally_ = statement.finalbody
    assert finally_ is not None and isinstance(finally_.body, cst.IndentedBlock)
    body = statement.body
    assert isinstance(body, cst.IndentedBlock)
    return (
        body.header.comment is not None
        or _comments(finally_.leading_lines)
        or finally_.body.header.comment is not None
        or _comments(finally_.body.footer)
        # every statement of a block is a SimpleStatementLine or a compound statement: both have leading_lines
        or any(_comments(line.leading_lines) for line in finally_.body.body)  # type: ignore[attr-defined]
    )


class _Rewrite(cst.CSTTransformer):
    """Applies the run-call replacements and line removals to a block that is re-generated."""

    def __init__(self, ctx: FileContext, runs: _Runs, removable_ids: set[int]) -> None:
        self.ctx = ctx
        self.runs = runs
        self.removable_ids = removable_ids

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        found = self.runs.get(id(original_node))
        if found is None:
            return updated_node
        call, target, postfix, _ = found
        # The call's own parentheses move to the await expression replacing it.
        return _await_node(self.ctx, call, target, postfix).with_changes(lpar=call.lpar, rpar=call.rpar)

    def leave_SimpleStatementLine(
        self, original_node: cst.SimpleStatementLine, updated_node: cst.SimpleStatementLine
    ) -> cst.SimpleStatementLine | cst.RemovalSentinel:
        if id(original_node) in self.removable_ids:
            return cst.RemoveFromParent()
        return updated_node


def _unwrap(ctx: FileContext, try_node: cst.Try, indent: str, runs: _Runs, removable_ids: set[int]) -> str | None:
    """The try body, one level out, as the text replacing the whole ``try`` statement."""
    assert isinstance(try_node.body, cst.IndentedBlock)
    body = try_node.body.visit(_Rewrite(ctx, runs, removable_ids))
    if not isinstance(body, cst.IndentedBlock) or not body.body:
        return None
    module = ctx.model.module_node
    wrapper = cst.Module(
        body=[cst.If(test=cst.Name("True"), body=body.with_changes(indent=indent, header=cst.TrailingWhitespace()))],
        default_indent=module.default_indent,
        default_newline=module.default_newline,
    )
    code = wrapper.code
    newline = module.default_newline
    first_break = code.find(newline)
    code = code[first_break + len(newline) :]
    if code.startswith(indent):
        code = code[len(indent) :]
    if code.endswith(newline):
        code = code[: -len(newline)]
    return code


def manual_loop_fix(ctx: FileContext, function: FunctionScope) -> FixPlan | None:
    """The async rewrite of a sync test driving a loop by hand, or None when not simple."""
    try:
        return _plan(ctx, function)
    except _Unfixable:
        return None


def _plan(ctx: FileContext, function: FunctionScope) -> FixPlan | None:
    node = function.node
    if node is None or node.asynchronous is not None or function.has_yield:
        return None
    resolver, profile = ctx.resolver, ctx.profile
    item = collected_test(function, resolver, profile)
    if item is None or resolver.is_fixture_function(function):
        return None
    if profile.trio_auto or ctx.runner_context.other_runner is not None:
        return None
    marks = module_marks(resolver) | decorator_marks(node, function.parent, resolver)
    if item.cls is not None:
        ancestry = class_ancestry(item.cls, resolver)
        if ancestry is None or is_unittest_class(ancestry):
            return None
        marks = marks | class_marks(item.cls, resolver)
    if not marks.understood or marks.some_cases or "trio" in marks.names:
        return None  # marks on some cases only: which runner the rewritten test gets is mixed
    if marks.names & {"asyncio", "anyio"}:
        mark = None  # a runner mark already applies once the test is a coroutine
    elif (runner := preferred_runner(ctx)) == "anyio":
        mark = None if profile.anyio_auto else "anyio"
    elif runner != "asyncio":
        return None  # trio (a hand-driven asyncio loop cannot simply become a trio test) or unknown
    elif not profile.asyncio_plugin_enabled:
        return None
    else:
        mark = None if profile.asyncio_mode == "auto" else "asyncio"
    for decorator in node.decorators:
        expr = decorator.decorator
        if mark_name(expr, function.parent, resolver) is not None:
            continue
        head = expr.func if isinstance(expr, cst.Call) else expr
        if resolver.qualify(head, function.parent) in _PATCH_DECORATORS:
            continue
        return None
    def_indent = _def_indent(ctx, function)
    if def_indent is None:
        return None

    edits: list[NodeEdit] = []
    imports: tuple[ImportRequest, ...] = ()
    if mark is not None:
        marks_name, imports = marks_reference(ctx, needed_by=node)
        if not marks_name:
            return None
        anchor = node.decorators[0] if node.decorators else node
        edits.append(NodeEdit(anchor, f"@{marks_name}.{mark}", LINE_BEFORE))
    edits.append(NodeEdit(node, "async ", BEFORE))

    loop_names = {
        target.target.value
        for line in _statement_lines(node.body)
        for statement in line.body
        if isinstance(statement, cst.Assign)
        for target in statement.targets
        if isinstance(target.target, cst.Name)
        and isinstance(statement.value, cst.Call)
        and resolver.qualify(statement.value.func, function) in _CREATORS
    }
    params = node.params
    event_loop = [p for p in params.params if p.name.value == "event_loop"]
    if "event_loop" in function.params:
        if not event_loop:
            return None  # positional-only, keyword-only or *args: leave it alone
        loop_names.add("event_loop")
        removal = _parameter_removal(ctx, params, event_loop[0], def_indent)
        if removal is None:
            return None
        edits.append(removal)

    default_indent = ctx.model.module_node.default_indent
    body_indent = def_indent + _block_indent(node.body, default_indent)
    body = _Body(ctx, function, loop_names, body_indent)
    node.body.visit(body)
    if not body.runs:
        return None
    accounted_calls = body.accounted
    for call in body.loop_calls:
        if id(call) not in accounted_calls:
            raise _Unfixable("a loop API is used outside the simple shape")
    removable_ids = {id(line) for line in body.removable}

    # A try/finally whose finally only cleans up the loop is unwrapped.
    unwrapped: set[int] = set()
    if isinstance(node.body, cst.IndentedBlock):
        for statement in node.body.body:
            if not _cleanup_only_try(statement, removable_ids):
                continue
            assert isinstance(statement, cst.Try) and statement.finalbody is not None
            if _loses_comments(statement):
                continue
            content = _unwrap(ctx, statement, body_indent, body.runs, removable_ids)
            if content is None:
                continue
            # The body, one level out, goes above the ``try`` line; the whole statement goes.
            edits.append(NodeEdit(statement, content, LINE_BEFORE))
            edits.append(NodeEdit(statement, ""))
            unwrapped.add(id(statement))
    inside_unwrapped = _ids_inside(node.body, unwrapped)

    for call, target, postfix, indent in body.runs.values():
        if id(call) not in inside_unwrapped:
            # The call's span excludes its own parentheses: they stay in the text.
            edits.append(NodeEdit(call, code_at(ctx, _await_node(ctx, call, target, postfix), indent)))
    for block in _blocks(node.body):
        statements = list(block.body)
        gone = [s for s in statements if id(s) in removable_ids and id(s) not in inside_unwrapped]
        if not gone:
            continue
        if len(gone) == len(statements):
            edits.append(NodeEdit(gone[0], "pass"))
            gone = gone[1:]
        edits.extend(NodeEdit(line, "") for line in gone)

    title = "Make the test `async def` and await instead of driving a loop by hand"
    return FixPlan(Applicability.UNSAFE, title, tuple(edits), imports)


def _parameter_removal(ctx: FileContext, params: cst.Parameters, param: cst.Param, def_indent: str) -> NodeEdit | None:
    """The edit dropping ``param``, or None where it would move or lose bytes of the user's:
    a comment among the parameters (it would end up beside another parameter), or the only
    parameter of a list spread over lines (the closing parenthesis would move)."""
    before = code_at(ctx, params, def_indent)
    if "#" in before:
        return None
    if len(params.params) == 1 and "\n" in before:
        return None
    return NodeEdit(params, code_at(ctx, _without(params, param), def_indent))


def _without(params: cst.Parameters, param: cst.Param) -> cst.Parameters:
    """``params`` without ``param``; a trailing comma and the line break before ``)`` stay."""
    kept = list(params.params)
    index = kept.index(param)
    del kept[index]
    if index == len(kept) and kept:  # removed the last one: the new last takes its comma
        kept[-1] = kept[-1].with_changes(comma=param.comma, whitespace_after_param=param.whitespace_after_param)
    return params.with_changes(params=kept)


def _statement_lines(suite: cst.BaseSuite) -> Iterator[cst.SimpleStatementLine]:
    """Every SimpleStatementLine of a function body, not entering nested scopes."""
    for block in _blocks(suite):
        for statement in block.body:
            if isinstance(statement, cst.SimpleStatementLine):
                yield statement


def _blocks(suite: cst.BaseSuite) -> Iterator[cst.IndentedBlock]:
    """Every IndentedBlock of a function body (itself included), not entering nested scopes."""
    if not isinstance(suite, cst.IndentedBlock):
        return
    yield suite
    for statement in suite.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            continue
        if isinstance(statement, cst.BaseCompoundStatement):
            for child in _child_suites(statement):
                yield from _blocks(child)


def _child_suites(statement: cst.BaseCompoundStatement) -> Iterator[cst.BaseSuite]:
    yield statement.body
    if isinstance(statement, cst.If):
        orelse = statement.orelse
        while orelse is not None:
            yield orelse.body
            orelse = orelse.orelse if isinstance(orelse, cst.If) else None
    if isinstance(statement, (cst.For, cst.While)) and statement.orelse is not None:
        yield statement.orelse.body
    if isinstance(statement, (cst.Try, cst.TryStar)):
        for handler in statement.handlers:
            yield handler.body
        if statement.orelse is not None:
            yield statement.orelse.body
        if statement.finalbody is not None:
            yield statement.finalbody.body
    if isinstance(statement, cst.Match):
        for case in statement.cases:
            yield case.body


def _cleanup_only_try(statement: cst.BaseStatement, removable_ids: set[int]) -> bool:
    return (
        isinstance(statement, cst.Try)
        and not statement.handlers
        and statement.orelse is None
        and statement.finalbody is not None
        and isinstance(statement.body, cst.IndentedBlock)
        and isinstance(statement.finalbody.body, cst.IndentedBlock)
        and all(id(s) in removable_ids for s in statement.finalbody.body.body)
    )


def _ids_inside(suite: cst.CSTNode, roots: set[int]) -> set[int]:
    """ids of every node inside (and including) the nodes whose ids are ``roots``."""
    found: set[int] = set()
    if not roots:
        return found

    class Collect(cst.CSTVisitor):
        depth = 0

        def on_visit(self, node: cst.CSTNode) -> bool:
            if id(node) in roots:
                self.depth += 1
            if self.depth:
                found.add(id(node))
            return True

        def on_leave(self, original_node: cst.CSTNode) -> None:
            if id(original_node) in roots:
                self.depth -= 1

    suite.visit(Collect())
    return found


# --------------------------------------------------------------------------- ASL403
class _LoopUses(cst.CSTVisitor):
    """Loads of ``event_loop`` in a function body; nested scopes that mention it make it unfixable.

    Attribute names (``x.event_loop``) and keyword names (``f(event_loop=...)``) are not uses.
    A nested function or lambda would call ``get_running_loop()`` later, maybe in a thread,
    where no loop runs: the rewrite is offered only when every use is in the coroutine itself.
    """

    def __init__(self) -> None:
        self.names: list[cst.Name] = []
        self.nested = False

    def _nested(self, node: cst.CSTNode) -> bool:
        if not self.nested:
            finder = _NameFinder("event_loop")
            node.visit(finder)
            self.nested = finder.found
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return self._nested(node)

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return self._nested(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return self._nested(node)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "event_loop":
            self.names.append(node)


def event_loop_request_fix(ctx: FileContext, function: FunctionScope, param: cst.CSTNode) -> FixPlan | None:
    """Unsafe: an ``async def`` that requests ``event_loop`` uses the running loop instead.

    The parameter goes and each use becomes ``asyncio.get_running_loop()``: inside a
    coroutine that pytest-asyncio runs, that is the loop the test runs in. Unsafe because
    the request also ran the fixture: a user-defined ``event_loop`` may set things up.
    """
    node = function.node
    if node is None or not function.is_async or not isinstance(param, cst.Param):
        return None
    if param not in node.params.params or len(function.bindings.get("event_loop", ())) != 1:
        return None  # positional-only/keyword-only, or rebound in the body
    def_indent = _def_indent(ctx, function)
    if def_indent is None:
        return None
    uses = _LoopUses()
    node.body.visit(uses)
    if uses.nested:
        return None
    asyncio_name, imports = module_reference(ctx, "asyncio")
    if not asyncio_name:
        return None
    removal = _parameter_removal(ctx, node.params, param, def_indent)
    if removal is None:
        return None
    edits = [removal]
    edits.extend(NodeEdit(name, f"{asyncio_name}.get_running_loop()") for name in uses.names)
    title = "Drop the `event_loop` parameter and use `asyncio.get_running_loop()`"
    return FixPlan(Applicability.UNSAFE, title, tuple(edits), imports)


class _NameFinder(cst.CSTVisitor):
    """Whether a ``Name`` node spells ``name`` anywhere below (libcst's matchers module
    would do, but importing it costs more than a whole lint of a small file)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.found = False

    def visit_Name(self, node: cst.Name) -> None:
        self.found = self.found or node.value == self.name
