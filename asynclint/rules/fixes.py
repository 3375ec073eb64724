"""Fix builders several rules share: ``await`` edits, decorator removal, and how a file
spells ``pytest`` / ``pytest.mark`` (plus the import to add when it does not).

They live here, inside the rules layer, because what they build (:class:`NodeEdit`,
:class:`FixPlan`) is what rules hand the engine: the fixer package sits above the
engine, which turns these node-anchored plans into positioned edits, so rules cannot
import from it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from asynclint.model import Applicability, ImportRequest
from asynclint.rules.base import AFTER, BEFORE, REPLACE, FixPlan, NodeEdit
from asynclint.semantics.calls import in_async_function
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import (
    DISCARD,
    STATEMENT_HOLDERS,
    VALUE,
    VALUE_POSTFIX,
    Binding,
    CallSite,
    child_nodes,
    dotted,
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
    """The index of the top-level statement that holds ``node``.

    Asked once per finding (is an import above the definition being fixed?); walking the
    module per question made a file with 800 findings cost 800 walks. Statements at any
    depth are indexed once per file (expressions, most of the nodes, are not); any other
    node costs one walk of the statements.
    """
    found = ctx.cached(_statement_tops).get(id(node))
    if found is not None:
        return found
    module = ctx.model.module_node
    for index, statement in enumerate(module.body):
        stack: list[cst.CSTNode] = [statement]
        while stack:
            current = stack.pop()
            if current is node:
                return index
            stack.extend(child_nodes(current))
    return len(module.body)


def _statement_tops(ctx: FileContext) -> dict[int, int]:
    """Top-level statement index of every statement of the file, by node id."""
    tops: dict[int, int] = {}
    for index, statement in enumerate(ctx.model.module_node.body):
        stack: list[cst.CSTNode] = [statement]
        while stack:
            current = stack.pop()
            tops[id(current)] = index
            stack.extend(c for c in child_nodes(current) if isinstance(c, STATEMENT_HOLDERS))
    return tops


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


def _layout(ctx: FileContext) -> _ImportLayout:
    return ctx.cached(_import_layout)


def _import_layout(ctx: FileContext) -> _ImportLayout:
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
    return _ImportLayout(imports_of, first_import, last_import)


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


def remove_decorator(decorator: cst.Decorator, title: str) -> FixPlan:
    """Remove a decorator line (an empty replacement of a Decorator removes its whole line)."""
    return FixPlan(Applicability.SAFE, title, (NodeEdit(decorator, "", REPLACE),))


def await_fix(site: CallSite, title: str) -> FixPlan | None:
    if not in_async_function(site):
        return None
    edits = add_await_edits(site)
    return FixPlan(Applicability.SAFE, title, edits) if edits else None
