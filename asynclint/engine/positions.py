"""Source positions for the few nodes a file reports, without a whole-file metadata pass.

libcst's PositionProvider regenerates the whole module with bookkeeping for
every node: on large test files it costs more than parsing. Findings are few,
so positions are computed per top-level statement that holds one: the
statement is rendered alone (line 1) and shifted by its real first line, which
the :mod:`ast` tree the index already built gives for free. Top-level
statements start at column 0, so columns need no shift.
"""

from __future__ import annotations

import ast
from typing import Iterable

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

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
        for index in sorted(set(tops.values())):
            original = module.body[index]
            alone = original.with_changes(leading_lines=())
            mini = cst.Module(
                body=[alone],
                header=(),
                footer=(),
                encoding=module.encoding,
                default_indent=module.default_indent,
                default_newline=module.default_newline,
                has_trailing_newline=True,
            )
            ranges = MetadataWrapper(mini, unsafe_skip_copy=True).resolve(PositionProvider)
            shift = first_lines[index] - 1
            for node in nodes:
                if tops.get(id(node)) != index:
                    continue
                key = alone if node is original else node
                self._ranges[id(node)] = ranges[key]
                self._shift[id(node)] = shift

    def _whole(self, module: cst.Module) -> None:
        ranges = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        for node, code_range in ranges.items():
            self._ranges[id(node)] = code_range

    def span(self, node: cst.CSTNode) -> Span:
        code_range = self._ranges[id(node)]
        shift = self._shift.get(id(node), 0)
        return Span(
            Position(code_range.start.line + shift, code_range.start.column + 1),
            Position(code_range.end.line + shift, code_range.end.column + 1),
        )
