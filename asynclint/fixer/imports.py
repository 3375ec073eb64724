"""Merging the imports fixes need with the module's own, in its style.

libcst's ``AddImportsVisitor`` does the merging: it skips an import the module
already has, extends an existing ``from x import ...`` statement and otherwise
adds the statement after the module's last top-level import (after a docstring
and ``from __future__`` imports). Its result is then checked line by line:
every line it removed or added must belong to an import statement (or be
blank), so nothing else in the file can change.
"""

from __future__ import annotations

import difflib
import sys
from bisect import bisect_right
from dataclasses import replace
from typing import Iterable

import libcst as cst
import libcst.helpers
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import MetadataWrapper, PositionProvider

from asynclint.engine.parsing import parse_module, run_deep
from asynclint.fixer.source import NEWLINE, lines_with_ends
from asynclint.semantics.filemodel import child_nodes
from asynclint.model import Diagnostic, Edit, ImportRequest, Position, Span


class ImportMergeError(Exception):
    """The imports could not be added without touching other lines."""


def _import_lines(module: cst.Module) -> set[int]:
    """Line numbers (1-based) covered by top-level import statements."""
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    lines: set[int] = set()
    for statement in module.body:
        if _is_import_line(statement):
            where = positions[statement]
            lines.update(range(where.start.line, where.end.line + 1))
    return lines


class _ModuleLevelImports:
    """What the module imports outside functions and classes (also under ``if``/``try``)."""

    def __init__(self) -> None:
        self.modules: set[str] = set()  # ``import x.y`` binds x.y (as itself)
        self.names: set[tuple[str, str]] = set()  # ``from m import n`` (n bound as itself)
        self.star: set[str] = set()

    def add_import(self, node: cst.Import) -> None:
        for alias in node.names:
            name = cst.helpers.get_full_name_for_node(alias.name) or ""
            if alias.asname is None or cst.helpers.get_full_name_for_node(alias.asname.name) == name:
                self.modules.add(name)

    def add_import_from(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        module = cst.helpers.get_full_name_for_node(node.module) or ""
        if isinstance(node.names, cst.ImportStar):
            self.star.add(module)
            return
        for alias in node.names:
            name = cst.helpers.get_full_name_for_node(alias.name) or ""
            if alias.asname is None or cst.helpers.get_full_name_for_node(alias.asname.name) == name:
                self.names.add((module, name))


# Nodes that hold statements. Imports are statements, so the walk never enters an
# expression: a module-level expression may nest thousands of levels deep.
_STATEMENT_HOLDERS = (
    cst.BaseSuite, cst.BaseStatement, cst.Else, cst.ExceptHandler, cst.ExceptStarHandler,
    cst.Finally, cst.MatchCase,
)


def _module_level_imports(module: cst.Module) -> _ModuleLevelImports:
    seen = _ModuleLevelImports()
    stack: list[cst.CSTNode] = list(module.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            continue
        if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            for small in node.body:
                if isinstance(small, cst.Import):
                    seen.add_import(small)
                elif isinstance(small, cst.ImportFrom):
                    seen.add_import_from(small)
            continue
        if isinstance(node, cst.If) and cst.helpers.get_full_name_for_node(node.test) in (
            "TYPE_CHECKING", "typing.TYPE_CHECKING",
        ):
            # ``if TYPE_CHECKING:`` imports do not exist at run time; its ``else`` does.
            if node.orelse is not None:
                stack.append(node.orelse)
            continue
        stack.extend(child for child in child_nodes(node) if isinstance(child, _STATEMENT_HOLDERS))
    return seen


def missing_imports(module: cst.Module, requests: Iterable[ImportRequest]) -> list[ImportRequest]:
    """The requests the module does not satisfy yet, each once."""
    seen = _module_level_imports(module)
    missing = []
    for request in dict.fromkeys(requests):
        if request.name is None:
            if request.module in seen.modules:
                continue
        elif (request.module, request.name) in seen.names or request.module in seen.star:
            continue
        missing.append(request)
    return missing


def _lines(text: str) -> list[str]:
    return NEWLINE.split(text)


def _is_import_line(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
    )


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _head(module: cst.Module) -> cst.Module:
    """The module up to its last top-level import (or docstring): all the merge may touch.

    Transforming only this head keeps the cost independent of the file's size and
    guarantees that nothing below the imports is even regenerated.
    """
    last = -1
    for index, statement in enumerate(module.body):
        if _is_import_line(statement) or (index == 0 and _is_docstring(statement)):
            last = index
    return module.with_changes(body=module.body[: last + 1], footer=(), has_trailing_newline=True)


def _stdlib_slot(module: cst.Module, request: ImportRequest) -> int | None:
    """Where ``import <stdlib module>`` goes in isort's order: among the ``import x`` lines of
    the module's first group of standard-library imports (None: no such group, let libcst
    place it)."""
    if request.name is not None or request.module.partition(".")[0] not in sys.stdlib_module_names:
        return None
    slot = None
    for index, statement in enumerate(module.body):
        if not _is_import_line(statement):
            if slot is not None or not (index == 0 and _is_docstring(statement)):
                if slot is not None:
                    break
                continue
            continue
        names = _top_modules(statement)
        if names == ["__future__"]:
            continue
        if not names or not all(n in sys.stdlib_module_names for n in names):
            break  # the first third-party import ends the standard-library group
        first = statement.body[0]
        if isinstance(first, cst.Import):
            written = cst.helpers.get_full_name_for_node(first.names[0].name) or ""
            if written > request.module:
                return index
            slot = index + 1
        elif slot is None:
            return index  # ``import x`` lines go before the ``from x import`` ones
        else:
            return slot
    return slot


def _top_modules(statement: cst.SimpleStatementLine) -> list[str]:
    names = []
    for node in statement.body:
        if isinstance(node, cst.Import):
            names += [(cst.helpers.get_full_name_for_node(a.name) or "").partition(".")[0] for a in node.names]
        elif isinstance(node, cst.ImportFrom) and not node.relative and node.module is not None:
            names.append((cst.helpers.get_full_name_for_node(node.module) or "").partition(".")[0])
        else:
            return []
    return names


def merge_imports(text: str, module: cst.Module, requests: Iterable[ImportRequest]) -> str:
    """``text`` (whose parse is ``module``) with ``requests`` merged into its imports."""
    unique = missing_imports(module, requests)
    if not unique:
        return text
    for request in unique:
        slot = _stdlib_slot(module, request)
        if slot is None:
            continue
        body = list(module.body)
        line = cst.parse_statement(f"import {request.module}\n")
        if slot < len(body) and slot > 0 and _is_import_line(body[slot - 1]) and _is_import_line(body[slot]):
            # inside the group: the comments and blank lines above the next line stay above it
            line = line.with_changes(leading_lines=body[slot].leading_lines)
            body[slot] = body[slot].with_changes(leading_lines=())
        body.insert(slot, line)
        inserted = module.with_changes(body=body)
        rest = [r for r in unique if r is not request]
        return merge_imports(inserted.code, inserted, rest) if rest else inserted.code
    head = _head(module)
    head_text = head.code
    if not text.startswith(head_text):  # pragma: no cover - a shape the head cannot reproduce
        head, head_text = module, text
    context = CodemodContext()
    for request in unique:
        AddImportsVisitor.add_needed_import(context, request.module, request.name)
    try:
        updated = AddImportsVisitor(context).transform_module(head)
    except Exception as exc:  # libcst raises a variety of errors on odd import shapes
        raise ImportMergeError(str(exc)) from exc
    new_head = updated.code
    if new_head == head_text:
        return text
    old_lines, new_lines = _lines(head_text), _lines(new_head)
    old_imports = _import_lines(head)
    new_imports = _import_lines(updated)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for number in range(a1 + 1, a2 + 1):
            if number not in old_imports and old_lines[number - 1].strip():
                raise ImportMergeError(f"merging imports would change line {number}")
        for number in range(b1 + 1, b2 + 1):
            if number not in new_imports and new_lines[number - 1].strip():
                raise ImportMergeError("merging imports would add a line that is not an import")
    return new_head + text[len(head_text):]

def import_edits(text: str, module: cst.Module, requests: Iterable[ImportRequest]) -> tuple[Edit, ...]:
    """The edits (whole lines) that merging ``requests`` into the module's imports makes."""
    new_text = merge_imports(text, module, requests)
    if new_text == text:
        return ()
    old_lines, starts = lines_with_ends(text)
    new_lines, _ = lines_with_ends(new_text)

    def position(offset: int) -> Position:
        line = bisect_right(starts, offset)
        return Position(line, offset - starts[line - 1] + 1)

    edits = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = sum(len(line) for line in old_lines[:a1])
        end = start + sum(len(line) for line in old_lines[a1:a2])
        edits.append(Edit(Span(position(start), position(end)), "".join(new_lines[b1:b2])))
    return tuple(edits)


def complete_fixes(diagnostics: list[Diagnostic], files: Iterable) -> list[Diagnostic]:
    """Diagnostics whose fixes carry their import requests as edits too, all in text order
    (for the JSON report).

    A consumer of the JSON applies ``edits`` only; without the import an
    applied fix could leave a name undefined. When the imports cannot be merged
    the fix is dropped from the report rather than shown incomplete.
    """
    if not any(d.fix is not None for d in diagnostics):
        return diagnostics
    paths = {f.display: f.path for f in files}
    parsed: dict[str, tuple[str, cst.Module] | None] = {}
    computed: dict[tuple[str, tuple[ImportRequest, ...]], tuple[Edit, ...] | None] = {}
    completed = []
    for d in diagnostics:
        if d.fix is None:
            completed.append(d)
            continue
        if not d.fix.imports:
            completed.append(replace(d, fix=replace(d.fix, edits=_in_order(d.fix.edits))))
            continue
        if d.path not in parsed:
            parsed[d.path] = _read_module(paths.get(d.path))
        key = (d.path, d.fix.imports)
        if key not in computed:
            found = parsed[d.path]
            try:  # regenerating the module recurses as deep as it nests
                computed[key] = run_deep(import_edits, found[0], found[1], d.fix.imports) if found else None
            except ImportMergeError:
                computed[key] = None
        extra = computed[key]
        if extra is None:
            completed.append(replace(d, fix=None))
            continue
        completed.append(replace(d, fix=replace(d.fix, edits=_in_order((*extra, *d.fix.edits)))))
    return completed


def _in_order(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    """Edits in text order; at one position the earlier listed (imports) goes first, so a
    consumer applying them one after the other, each at its position, gets the same text."""
    return tuple(sorted(edits, key=lambda e: (e.span.start, e.span.end)))


def _read_module(path) -> tuple[str, cst.Module] | None:
    from asynclint.fixer.source import SourceText

    if path is None:
        return None
    try:
        source = SourceText.from_bytes(path.read_bytes())
        if source is None:
            return None
        return source.text, parse_module(source.text)
    except (OSError, cst.ParserSyntaxError):
        return None
