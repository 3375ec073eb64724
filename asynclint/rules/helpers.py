"""Small pieces several rules share when they build messages and fixes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import libcst as cst

from asynclint.engine.positions import top_statement_index
from asynclint.model import ImportRequest
from asynclint.rules.base import AFTER, BEFORE, FileContext, NodeEdit
from asynclint.semantics.filemodel import (
    DISCARD,
    STATEMENT_HOLDERS,
    VALUE,
    VALUE_POSTFIX,
    Binding,
    CallSite,
    FileModel,
    FunctionScope,
    child_nodes,
    dotted,
    enclosing_function,
)
from asynclint.semantics.pytest_items import collected_test, item_marks


def module_reference(
    ctx: FileContext, module: str, needed_by: cst.CSTNode | None = None
) -> tuple[str, tuple[ImportRequest, ...]]:
    """How this file spells ``module`` (``pt`` after ``import pytest as pt``), plus an import if none.

    Imports under ``if TYPE_CHECKING:`` do not count: they do not exist at run time.
    ``needed_by`` is a definition whose decorators or bases will use the name: they run
    when the module is imported, so an import placed below that definition is too late
    (and there is no fix, since the merged import would be found and not added again).
    """
    for name, binding in _layout(ctx).imports_of.get(module, ()):
        if not binding.runtime:
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
    return _layout(ctx).last_import > _top_index(ctx, node)


def marks_reference(ctx: FileContext, needed_by: cst.CSTNode) -> tuple[str, tuple[ImportRequest, ...]]:
    """How this file spells ``pytest.mark`` (``mark`` after ``from pytest import mark``)."""
    for name, binding in _layout(ctx).imports_of.get("pytest.mark", ()):
        if binding.runtime and _imported_before(ctx, name, needed_by):
            return name, ()
    pytest_name, imports = module_reference(ctx, "pytest", needed_by=needed_by)
    return (f"{pytest_name}.mark" if pytest_name else ""), imports


def _imported_before(ctx: FileContext, name: str, node: cst.CSTNode) -> bool:
    """Whether a module-level import binding ``name`` comes before the statement holding ``node``."""
    first = _layout(ctx).first_import.get(name)
    return first is not None and first < _top_index(ctx, node)


def _top_index(ctx: FileContext, node: cst.CSTNode) -> int:
    """The index of the top-level statement that holds ``node`` (indexed once per file)."""
    return top_statement_index(ctx.model.module_node, node)


@dataclass(frozen=True)
class _ImportLayout:
    """Where a file imports what, gathered once per file: the questions above are asked
    once per finding, and answering each by a scan of the file made the cost grow with
    findings times file size."""

    # qualname -> (local name, binding) of names bound once, by an import (bindings order)
    imports_of: dict[str, list[tuple[str, Binding]]]
    # local name -> index of the first top-level statement that binds it by an import
    first_import: dict[str, int]
    last_import: int  # index of the last top-level import line (-1: none)


_layouts: tuple[FileModel, _ImportLayout] | None = None


def _layout(ctx: FileContext) -> _ImportLayout:
    global _layouts
    if _layouts is not None and _layouts[0] is ctx.model:
        return _layouts[1]
    imports_of: dict[str, list[tuple[str, Binding]]] = {}
    for name, bindings in ctx.model.module.bindings.items():
        if len(bindings) == 1 and bindings[0].kind == "import":
            imports_of.setdefault(bindings[0].qualname, []).append((name, bindings[0]))
    first_import: dict[str, int] = {}
    last_import = -1
    for index, statement in enumerate(ctx.model.module_node.body):
        for name in _names_bound_by_import(statement):
            first_import.setdefault(name, index)
        if isinstance(statement, cst.SimpleStatementLine) and any(
            isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
        ):
            last_import = index
    layout = _ImportLayout(imports_of, first_import, last_import)
    _layouts = (ctx.model, layout)
    return layout


def _names_bound_by_import(statement: cst.CSTNode) -> set[str]:
    """The top names a statement binds by imports outside functions and classes."""
    names: set[str] = set()
    stack = [statement]
    while stack:
        current = stack.pop()
        if isinstance(current, (cst.FunctionDef, cst.ClassDef)):
            continue
        if isinstance(current, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            for small in current.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(small.names, cst.ImportStar):
                    for alias in small.names:
                        bound = alias.asname.name if alias.asname is not None else alias.name
                        if isinstance(bound, (cst.Name, cst.Attribute)):
                            names.add(dotted(bound).partition(".")[0])
            continue
        stack.extend(c for c in child_nodes(current) if isinstance(c, STATEMENT_HOLDERS))
    return names


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
    local = _runner_words(ctx.source)
    if local & {"asyncio", "pytest_asyncio"}:
        return "asyncio"
    if "anyio" in local or any("anyio_backend" in s.functions for s in summaries):
        return "anyio"
    if "trio" in local or ctx.profile.trio_auto:
        return "trio"
    libraries = ctx.runner_context.libraries
    return libraries[0] if libraries else None


_MARK_USE = re.compile(r"\bmark\.(asyncio|anyio|trio)\b|\b(?:import|from)\s+(pytest_asyncio)\b")


@functools.lru_cache(maxsize=4)
def _runner_words(source: str) -> frozenset[str]:
    """The runner marks and imports a file's text uses. Asked once per finding: a scan of
    the whole file each time made the cost grow with findings times file size (a str's
    hash is cached, so the lookup itself costs nothing)."""
    return frozenset(mark or plugin for mark, plugin in _MARK_USE.findall(source))
