"""ASL203 coroutine-never-awaited: a coroutine stored in a variable that is never awaited or passed on."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import libcst as cst

from asynclint.rules.base import ANY_COROUTINE_WORDS, Finding, Rule
from asynclint.rules.messages import call_text, coroutine_origin
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import (
    ASSIGN,
    DISCARD,
    VALUE,
    VALUE_POSTFIX,
    FileModel,
    FunctionScope,
    enclosing_function,
)

# Uses of a variable that do not hand its coroutine to anyone.
_DEAD_USES = frozenset({VALUE, VALUE_POSTFIX, DISCARD})


class CoroutineNeverAwaited(Rule):
    """
    ## What it does
    Flags `x = f()` where `f()` returns a coroutine (or a future such as
    `asyncio.gather(...)`) and `x` is never awaited, returned or passed on in
    that function.

    ## Why is this bad?
    The coroutine never runs; its effects and its exceptions vanish. Python
    only notices at garbage collection ("coroutine ... was never awaited"),
    long after the test has passed.

    ## Example
    ```python
    import pytest


    async def send(message):
        return message


    @pytest.mark.asyncio
    async def test_send():
        result = send("hi")
        assert result
    ```

    ## Use instead
    ```python
    import pytest


    async def send(message):
        return message


    @pytest.mark.asyncio
    async def test_send():
        result = await send("hi")
        assert result
    ```

    ## Fix safety
    No automatic fix: where the await belongs is the author's call.

    ## pytest-asyncio versions
    All versions.

    ## References
    - Python docs: "Coroutines and Tasks".
    """

    code = "ASL203"
    name = "coroutine-never-awaited"
    summary = "a coroutine stored in a variable that is never awaited or passed on"
    # A coroutine may come from anywhere: an ``async def``, asyncio, anyio, a mock, a loop.
    triggers = ANY_COROUTINE_WORDS

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        for site in ctx.model.calls:
            if site.context != ASSIGN or site.assigned_to is None:
                continue
            function = enclosing_function(site.scope)
            if function is None or site.scope is not function:
                continue
            name = site.assigned_to
            rebound = len(function.bindings.get(name, ())) != 1
            if not rebound and any(use not in _DEAD_USES for use in function.uses.get(name, ())):
                continue
            # The callee first: it is memoised per call, while the block walks and the
            # rendering of statements below cost more and most callees are no coroutine.
            callee = ctx.callee(site)
            if not callee.awaitable:
                continue
            replaced_by: cst.BaseSmallStatement | None = None
            if rebound:
                # rebound: only ``x = f(); ...; x = other`` with no word of ``x`` in between
                # says for sure that the first coroutine is lost
                replaced_by = _overwritten_unread(ctx.model, function, site.node, name)
                if replaced_by is None:
                    continue
            text = call_text(ctx, site.node)
            if replaced_by is not None:
                line = ctx.code(replaced_by).strip().splitlines()[0]
                message = (
                    f"`{name} = {text}` stores a coroutine that `{line}` replaces before anything awaits, "
                    f"returns or passes it on in `{function.name}`{coroutine_origin(callee)}; "
                    f"write `{name} = await {text}`"
                )
            else:
                message = (
                    f"`{name} = {text}` stores a coroutine that is never awaited, returned or passed on "
                    f"in `{function.name}`{coroutine_origin(callee)}; write `{name} = await {text}`"
                )
            yield self.finding(site.node, message)


def _statement_blocks(model: FileModel, function: FunctionScope) -> dict[int, tuple[Sequence[cst.CSTNode], int]]:
    """Where each simple ``name = value`` statement of the function's own body sits: its
    block's statements and its index there (one walk over statements, memoised)."""
    key = ("assignment-blocks", id(function))
    found = model.memo.get(key)
    if isinstance(found, dict):
        return found
    blocks: dict[int, tuple[Sequence[cst.CSTNode], int]] = {}
    assert function.node is not None
    stack: list[cst.CSTNode] = [function.node.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            for index, statement in enumerate(node.body):
                if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
                    small = statement.body[0]
                    if isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is not None:
                        blocks[id(small.value)] = (node.body, index)
                elif isinstance(node, cst.SimpleStatementSuite) and len(node.body) == 1:
                    if isinstance(statement, (cst.Assign, cst.AnnAssign)) and statement.value is not None:
                        blocks[id(statement.value)] = (node.body, index)
        stack.extend(child for child in node.children if not isinstance(child, cst.BaseExpression))
    model.memo[key] = blocks
    return blocks


def _overwritten_unread(
    model: FileModel, function: FunctionScope, value: cst.Call, name: str
) -> cst.BaseSmallStatement | None:
    """The plain ``name = ...`` later in the same block that replaces ``name = value`` before
    any statement in between (or the new value) so much as mentions ``name``; None otherwise.
    Not inside ``try``/``with``: an exception there could skip the replacement and leave the
    coroutine to a handler."""
    where = _statement_blocks(model, function).get(id(value))
    if where is None:
        return None
    statements, index = where
    if _inside_guard(model, function, statements):
        return None
    word = re.compile(rf"\b{re.escape(name)}\b")
    for statement in statements[index + 1 :]:
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
            small = statement.body[0]
            if (
                isinstance(small, cst.Assign)
                and len(small.targets) == 1
                and isinstance(small.targets[0].target, cst.Name)
                and small.targets[0].target.value == name
            ):
                return None if word.search(model.code(small.value)) else small
        if word.search(model.code(statement)):
            return None
    return None


def _inside_guard(model: FileModel, function: FunctionScope, statements: Sequence[cst.CSTNode]) -> bool:
    """Whether the block sits in a ``try``, ``with`` or loop of the function (memoised per block)."""
    key = ("guarded-blocks", id(function))
    known = model.memo.get(key)
    if isinstance(known, set):
        return id(statements) in known
    guarded: set[int] = set()
    assert function.node is not None
    stack: list[tuple[cst.CSTNode, bool]] = [(function.node.body, False)]
    while stack:
        node, inside = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        inside = inside or isinstance(node, (cst.Try, cst.TryStar, cst.With, cst.For, cst.While))
        if inside and isinstance(node, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            guarded.add(id(node.body))
        stack.extend((child, inside) for child in node.children if not isinstance(child, cst.BaseExpression))
    model.memo[key] = guarded
    return id(statements) in guarded
