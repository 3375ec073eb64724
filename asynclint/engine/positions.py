"""Source positions for the nodes a file reports, resolved once per file.

libcst's PositionProvider regenerates the whole module with bookkeeping for
every node: on large test files it costs more than parsing. Only the
top-level statements that hold a reported node are rendered, together in one
module and one code generation (its cost grows with those statements, never
with the number of findings), and each is shifted to its real first line,
which the :mod:`ast` tree the index already built gives for free. Top-level
statements start at column 0, so columns need no shift. The provider runs
without ``MetadataWrapper``, whose extra visit of the tree would cost as much
as the code generation itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from asynclint.model import Position, Span
from asynclint.semantics.filemodel import child_nodes


def _tops(module: cst.Module, nodes: Iterable[cst.CSTNode]) -> dict[int, int]:
    """Top-level statement index of each wanted node (one walk over the needed subtrees only)."""
    wanted = {id(n) for n in nodes}
    found: dict[int, int] = {}
    for index, statement in enumerate(module.body):
        stack: list[cst.CSTNode] = [statement]
        while stack and len(found) < len(wanted):
            node = stack.pop()
            if id(node) in wanted:
                found[id(node)] = index
            stack.extend(child_nodes(node))
        if len(found) == len(wanted):
            break
    return found


def _positions(module: cst.Module) -> dict[cst.CSTNode, CodeRange]:
    """PositionProvider's ranges for every node of ``module`` (one code generation)."""
    provider = PositionProvider()
    provider._gen_impl(module)
    return dict(provider._computed)  # type: ignore[arg-type]  # values are CodeRanges once generated


def _first_lines(module: cst.Module, tree: ast.Module) -> list[int] | None:
    """The first source line of each libcst top-level statement (decorators included)."""
    lines: list[int] = []
    position = 0
    for statement in module.body:
        if position >= len(tree.body):
            return None
        node = tree.body[position]
        line = node.lineno
        decorators = getattr(node, "decorator_list", None)
        if decorators:
            line = min(line, *(d.lineno for d in decorators))
        lines.append(line)
        position += len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
    return lines if position == len(tree.body) else None


class Locator:
    """``span(node)`` for nodes of one module."""

    def __init__(self, module: cst.Module, tree: ast.Module | None, nodes: Iterable[cst.CSTNode]) -> None:
        self._ranges: dict[int, CodeRange] = {}
        self._shift: dict[int, int] = {}
        nodes = list(nodes)
        first_lines = _first_lines(module, tree) if tree is not None else None
        if first_lines is None:
            self._whole(module)
            return
        tops = _tops(module, nodes)
        if len(tops) < len({id(n) for n in nodes}):
            self._whole(module)  # a node outside the statements (cannot happen for findings)
            return
        try:
            self._by_statement(module, nodes, tops, first_lines)
        except KeyError:  # a node the per-statement pass did not see: fall back, stay right
            self._ranges.clear()
            self._shift.clear()
            self._whole(module)

    def _by_statement(
        self, module: cst.Module, nodes: list[cst.CSTNode], tops: dict[int, int], first_lines: list[int]
    ) -> None:
        indexes = sorted(set(tops.values()))
        alone = {index: module.body[index].with_changes(leading_lines=()) for index in indexes}
        mini = cst.Module(
            body=[alone[index] for index in indexes],
            header=(),
            footer=(),
            encoding=module.encoding,
            default_indent=module.default_indent,
            default_newline=module.default_newline,
            has_trailing_newline=True,
        )
        ranges = _positions(mini)
        shifts = {}
        for index in indexes:
            statement = alone[index]
            decorators = getattr(statement, "decorators", ())
            rendered_at = ranges[decorators[0] if decorators else statement].start.line
            shifts[index] = first_lines[index] - rendered_at
        for node in nodes:
            index = tops[id(node)]
            original = module.body[index]
            key = alone[index] if node is original else node
            self._ranges[id(node)] = ranges[key]
            self._shift[id(node)] = shifts[index]

    def _whole(self, module: cst.Module) -> None:
        for node, code_range in _positions(module).items():
            self._ranges[id(node)] = code_range

    def span(self, node: cst.CSTNode) -> Span:
        code_range = self._ranges[id(node)]
        shift = self._shift.get(id(node), 0)
        return Span(
            Position(code_range.start.line + shift, code_range.start.column + 1),
            Position(code_range.end.line + shift, code_range.end.column + 1),
        )
