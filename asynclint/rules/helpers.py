"""Small pieces several rules share when they build messages and fixes."""

from __future__ import annotations

import re

import libcst as cst

from asynclint.model import ImportRequest
from asynclint.rules.base import AFTER, BEFORE, FileContext, NodeEdit
from asynclint.semantics.filemodel import (
    DISCARD,
    VALUE,
    VALUE_POSTFIX,
    CallSite,
    FunctionScope,
    child_nodes,
    dotted,
    enclosing_function,
)


def module_reference(
    ctx: FileContext, module: str, needed_by: cst.CSTNode | None = None
) -> tuple[str, tuple[ImportRequest, ...]]:
    """How this file spells ``module`` (``pt`` after ``import pytest as pt``), plus an import if none.

    Imports under ``if TYPE_CHECKING:`` do not count: they do not exist at run time.
    ``needed_by`` is a definition whose decorators or bases will use the name: they run
    when the module is imported, so an import placed below that definition is too late
    (and there is no fix, since the merged import would be found and not added again).
    """
    for name, bindings in ctx.model.module.bindings.items():
        if len(bindings) == 1 and bindings[0].kind == "import" and bindings[0].qualname == module:
            if not bindings[0].runtime:
                continue
            if needed_by is not None and not _imported_before(ctx, name, needed_by):
                return "", ()
            return name, ()
    bound = ctx.model.module.bindings.get(module)
    if bound and any(b.runtime for b in bound):
        # The name is taken by something else: do not shadow it with an import.
        return "", ()
    if needed_by is not None and _imports_below(ctx, needed_by):
        return "", ()  # a merged import lands after the last import: below the definition
    return module, (ImportRequest(module),)


def _imports_below(ctx: FileContext, node: cst.CSTNode) -> bool:
    """Whether a top-level import statement comes after the statement holding ``node``."""
    body = ctx.model.module_node.body
    return any(
        isinstance(statement, cst.SimpleStatementLine)
        and any(isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body)
        for statement in body[_top_index(ctx, node) + 1 :]
    )


def marks_reference(ctx: FileContext, needed_by: cst.CSTNode) -> tuple[str, tuple[ImportRequest, ...]]:
    """How this file spells ``pytest.mark`` (``mark`` after ``from pytest import mark``)."""
    for name, bindings in ctx.model.module.bindings.items():
        if len(bindings) == 1 and bindings[0].kind == "import" and bindings[0].qualname == "pytest.mark":
            if bindings[0].runtime and _imported_before(ctx, name, needed_by):
                return name, ()
    pytest_name, imports = module_reference(ctx, "pytest", needed_by=needed_by)
    return (f"{pytest_name}.mark" if pytest_name else ""), imports


def _imported_before(ctx: FileContext, name: str, node: cst.CSTNode) -> bool:
    """Whether a module-level import binding ``name`` comes before the statement holding ``node``."""
    body = ctx.model.module_node.body
    return any(_binds_by_import(statement, name) for statement in body[: _top_index(ctx, node)])


def _top_index(ctx: FileContext, node: cst.CSTNode) -> int:
    """The index of the top-level statement that holds ``node``."""
    for index, statement in enumerate(ctx.model.module_node.body):
        stack: list[cst.CSTNode] = [statement]
        while stack:
            current = stack.pop()
            if current is node:
                return index
            stack.extend(child_nodes(current))
    return len(ctx.model.module_node.body)


def _binds_by_import(statement: cst.CSTNode, name: str) -> bool:
    stack = [statement]
    while stack:
        current = stack.pop()
        if isinstance(current, (cst.FunctionDef, cst.ClassDef)):
            continue
        if isinstance(current, (cst.Import, cst.ImportFrom)) and not isinstance(current.names, cst.ImportStar):
            for alias in current.names:
                bound = alias.asname.name if alias.asname is not None else alias.name
                if (dotted(bound) if isinstance(bound, (cst.Name, cst.Attribute)) else "").partition(".")[0] == name:
                    return True
            continue
        stack.extend(child_nodes(current))
    return False


def add_await_edits(site: CallSite) -> tuple[NodeEdit, ...]:
    """``await`` in front of a call, parenthesised when the call is an attribute/subscript base."""
    if not site.awaitable_here:
        return ()
    if site.context in (DISCARD, VALUE):
        return (NodeEdit(site.node, "await ", BEFORE),)
    if site.context == VALUE_POSTFIX:
        return (NodeEdit(site.node, "(await ", BEFORE), NodeEdit(site.node, ")", AFTER))
    return ()


def in_async_function(site: CallSite) -> bool:
    function = enclosing_function(site.scope)
    return function is not None and function.is_async


def call_text(ctx: FileContext, call: cst.Call) -> str:
    """``fetch()`` / ``client.get(...)``: the callee with elided arguments, for messages."""
    func = ctx.code(call.func)
    return f"{func}()" if not call.args else f"{func}(...)"


def loop_library(ctx: FileContext, function: FunctionScope) -> str | None:
    """The library whose ``sleep`` works where ``function`` runs; None when that is unclear.

    The test's own marks decide first (a helper nested in a test runs in the test's loop),
    then trio/anyio auto mode, then what the file uses: anyio's functions work under every
    backend anyio runs, trio's only under trio.
    """
    from asynclint.semantics.pytest_items import collected_test, item_marks

    top = function
    while isinstance(top.parent, FunctionScope):
        top = top.parent
    item = collected_test(top, ctx.resolver, ctx.profile)
    if item is not None:
        marks = item_marks(top, item.cls, ctx.resolver).names
        for library in ("trio", "anyio", "asyncio"):
            if library in marks:
                return library
    if ctx.profile.trio_auto:
        return "trio"
    if ctx.profile.anyio_auto:
        return "anyio"
    used = {m for m in _MARK_LIBRARY.findall(ctx.source)} | {
        b.qualname.partition(".")[0]
        for bindings in ctx.model.module.bindings.values()
        for b in bindings
        if b.kind == "import" and b.runtime
    }
    if "anyio" in used:
        return "anyio"
    if "trio" in used:
        return None if "asyncio" in used else "trio"
    if "asyncio" in used or "pytest_asyncio" in ctx.source:
        return "asyncio"
    if ctx.profile.asyncio_mode == "auto" and ctx.profile.asyncio_plugin_enabled:
        return "asyncio"
    return None  # nothing says which loop runs it (a framework's own runner, say)


# ``@pytest.mark.trio``: a loop library the file's tests are marked for.
_MARK_LIBRARY = re.compile(r"\bmark\.(asyncio|trio|anyio)\b")


def preferred_runner(ctx: FileContext) -> str | None:
    """The loop library whose mark the project runs coroutine tests with, or None.

    Many projects (FastAPI, Starlette, uvicorn ...) use anyio's pytest plugin and do not
    install pytest-asyncio at all: an ``asyncio`` mark would be unknown there (an error
    under ``--strict-markers``). The evidence, nearest first: anyio auto mode; the file
    (``pytest_asyncio`` imported or ``asyncio`` marks vs. ``anyio`` marks or an
    ``anyio_backend`` fixture, also in its conftest chain); then the project's marks, auto
    modes and declared runner plugins. None when nothing says which runner the project uses:
    advice then names no mark rather than a guess.
    """
    if ctx.profile.anyio_auto:
        return "anyio"
    summaries = [ctx.summary]
    for conftest in ctx.index.conftest_chain(ctx.path):
        summaries.append(ctx.index.summary_for_path(conftest))
    if any(target.startswith("pytest_asyncio") for s in summaries for target in s.imports.values()):
        return "asyncio"
    local = {mark or plugin for mark, plugin in _MARK_USE.findall(ctx.source)}
    if local & {"asyncio", "pytest_asyncio"}:
        return "asyncio"
    if "anyio" in local or any("anyio_backend" in s.functions for s in summaries):
        return "anyio"
    if "trio" in local or ctx.profile.trio_auto:
        return "trio"
    libraries = ctx.runner_context.libraries
    return libraries[0] if libraries else None


_MARK_USE = re.compile(r"\bmark\.(asyncio|anyio|trio)\b|\b(?:import|from)\s+(pytest_asyncio)\b")


