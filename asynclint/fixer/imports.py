"""Merging the imports fixes need with the module's own, in its style.

The merge follows libcst's ``AddImportsVisitor``: it skips an import the module
already has, extends an existing ``from x import ...`` statement and otherwise
adds the statement after the module's top import block (after a docstring and
``from __future__`` imports); a standard-library ``import x`` joins its group in
isort's order. The visitor's rules are applied directly to the nodes (see
``_add_imports``: the visitor's own set-up cost more than all the rest of a
run). The result is then checked line by line: every line the merge removed or
added must belong to an import statement (or be blank), so nothing else in the
file can change.
"""

from __future__ import annotations

import difflib
import sys
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeGuard

import libcst as cst
import libcst.helpers
from libcst.helpers import get_absolute_module_from_package_for_import

from asynclint.fixer.source import NEWLINE, lines_with_ends
from asynclint.model import Diagnostic, Edit, ImportRequest, Position, Span
from asynclint.semantics.filemodel import STATEMENT_HOLDERS, child_nodes

Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement  # a module's body item


class ImportMergeError(Exception):
    """The imports could not be added without touching other lines."""


def _import_lines(module: cst.Module) -> set[int]:
    """Line numbers (1-based) covered by top-level import statements.

    Counted from each statement's generated code (its leading blank and comment lines
    first): a third of the cost of libcst's position metadata, which a merge needed twice.
    """
    lines: set[int] = set()
    line = 1 + len(module.header)
    for statement in module.body:
        height = len(NEWLINE.findall(module.code_for_node(statement)))
        if _is_import_line(statement):
            lines.update(range(line + len(statement.leading_lines), line + height))
        line += height
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
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            # ``if TYPE_CHECKING:`` imports do not exist at run time; its ``else`` does.
            if node.orelse is not None:
                stack.append(node.orelse)
            continue
        stack.extend(child for child in child_nodes(node) if isinstance(child, STATEMENT_HOLDERS))
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


def _is_import_line(statement: cst.BaseStatement) -> TypeGuard[cst.SimpleStatementLine]:
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


def _stdlib_slot(body: Sequence[Statement], request: ImportRequest) -> int | None:
    """Where ``import <stdlib module>`` goes in isort's order: among the ``import x`` lines of
    the module's first group of standard-library imports (None: no such group, let the
    general merge place it)."""
    if request.name is not None or request.module.partition(".")[0] not in sys.stdlib_module_names:
        return None
    slot = None
    for index, statement in enumerate(body):
        if not _is_import_line(statement):
            if slot is not None:
                break
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


# ----------------------------------------------------------------- libcst's AddImportsVisitor
# The rules of ``libcst.codemod.visitors.AddImportsVisitor`` for the requests fixes make
# (``import m``, ``from m import n``; no alias, no relative import), done directly on the
# nodes. The visitor builds two matcher-based visitors per call, whose set-up alone costs
# about 15 ms; fixing and the JSON report merge imports for every fixable file, so that
# set-up dominated a run. tests/test_fixer.py checks this against the visitor itself.


def _single_import(statement: Statement) -> cst.Import | cst.ImportFrom | None:
    """The import of a line holding one import statement and nothing else (else None)."""
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        node = statement.body[0]
        if isinstance(node, (cst.Import, cst.ImportFrom)):
            return node
    return None


def _skip_first(body: Sequence[Statement]) -> bool:
    """A docstring or a ``__strict__ = ...`` flag first: imports never go above it."""
    if not body or not isinstance(body[0], cst.SimpleStatementLine) or len(body[0].body) != 1:
        return False
    node = body[0].body[0]
    if isinstance(node, cst.Expr):
        return isinstance(node.value, cst.SimpleString)
    return (
        isinstance(node, cst.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0].target, cst.Name)
        and node.targets[0].target.value == "__strict__"
    )


def _with_empty_line_before(statements: Sequence[Statement]) -> list[Statement]:
    """At least one blank line between the added imports and the first statement after them."""
    if not statements:
        return []
    first, rest = statements[0], list(statements[1:])
    if not first.leading_lines:
        return [first.with_changes(leading_lines=(cst.EmptyLine(),)), *rest]
    if first.leading_lines[0].comment is None:
        return [first, *rest]
    return [first.with_changes(leading_lines=(cst.EmptyLine(), *first.leading_lines)), *rest]


def _add_imports(module: cst.Module, requests: Iterable[ImportRequest]) -> cst.Module:
    """``module`` with ``requests`` added as ``AddImportsVisitor`` adds them: a name joins the
    first ``from m import`` of the top import block, anything else becomes a new statement at
    the end of that block (``import`` lines sorted, then ``from`` lines per sorted module)."""
    body = list(module.body)
    start = 1 if _skip_first(body) else 0
    top: list[cst.Import | cst.ImportFrom] = []  # the top import block, one import a line
    for statement in body[start:]:
        node = _single_import(statement)
        if node is None:
            break
        top.append(node)
    end = start + len(top)
    have_modules: set[str] = set()
    have_names: dict[str, set[str]] = {}
    for node in top:
        if isinstance(node, cst.Import):
            have_modules.update(a.evaluated_name for a in node.names if a.asname is None)
            continue
        name = get_absolute_module_from_package_for_import(None, node)
        if name is None:
            continue
        if isinstance(node.names, cst.ImportStar):
            have_names[name] = {"*"}
        elif "*" not in have_names.get(name, ()):
            have_names.setdefault(name, set()).update(a.evaluated_name for a in node.names if a.asname is None)
    modules = sorted({r.module for r in requests if r.name is None} - have_modules)
    wanted: dict[str, set[str]] = {}
    for request in requests:
        if request.name is not None:
            wanted.setdefault(request.module, set()).add(request.name)
    names = {m: wanted[m] for m in sorted(wanted)}
    for name, present in have_names.items():
        if name in names:
            names[name] = set() if "*" in present else names[name] - present
            if not names[name]:
                del names[name]
    for index, node in enumerate(top, start):
        if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar):
            continue
        name = get_absolute_module_from_package_for_import(None, node)
        if name in names:
            added_names = [cst.ImportAlias(name=cst.Name(n)) for n in sorted(names.pop(name))]
            body[index] = body[index].with_changes(body=[node.with_changes(names=[*added_names, *node.names])])
    if not modules and not names:
        return module.with_changes(body=body)

    def parsed(code: str) -> Statement:
        return cst.parse_statement(code, config=module.config_for_parsing)

    future = [parsed(f"from {m} import {', '.join(sorted(n))}") for m, n in names.items() if m == "__future__"]
    added = [parsed(f"import {m}") for m in modules]
    added += [parsed(f"from {m} import {', '.join(sorted(n))}") for m, n in names.items() if m != "__future__"]
    return module.with_changes(
        body=[*body[:start], *future, *body[start:end], *added, *_with_empty_line_before(body[end:])]
    )


def merge_imports(text: str, module: cst.Module, requests: Iterable[ImportRequest]) -> str:
    """``text`` (whose parse is ``module``) with ``requests`` merged into its imports.

    Only the head (the module up to its last import) is regenerated; the rest of ``text`` is
    appended as it is. That also keeps what libcst's code generation loses: the final line
    break of a file whose lines end in a lone CR.
    """
    unique = missing_imports(module, requests)
    if not unique:
        return text
    head = _head(module)
    head_text = head.code
    if not text.startswith(head_text):
        # Nothing to anchor on (no import, no docstring), or the file ends in its imports
        # without a final line break: the head is the whole module.
        head, head_text = module, module.code
        if not text.startswith(head_text):
            raise ImportMergeError("libcst does not reproduce the file's text")
    body = list(head.body)
    general = []
    for request in unique:
        slot = _stdlib_slot(body, request)
        if slot is None:
            general.append(request)
            continue
        line = cst.parse_statement(f"import {request.module}\n")
        if 0 < slot < len(body) and _is_import_line(body[slot - 1]) and _is_import_line(body[slot]):
            # inside the group: the comments and blank lines above the next line stay above it
            line = line.with_changes(leading_lines=body[slot].leading_lines)
            body[slot] = body[slot].with_changes(leading_lines=())
        body.insert(slot, line)
    updated = head.with_changes(body=body)
    if general:
        updated = _add_imports(updated, general)
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
    return new_head + text[len(head_text) :]


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


def with_import_edits(diagnostics: list[Diagnostic], text: str, module: cst.Module) -> list[Diagnostic]:
    """``diagnostics`` of ``text`` (parsed as ``module``) whose fixes need imports, with the
    edits that add them (``Fix.import_edits``; None when they cannot be merged).

    Computed where the file was just parsed, once per set of imports, so that a report
    that shows edits (JSON) needs neither the file nor another parse.
    """
    computed: dict[tuple[ImportRequest, ...], tuple[Edit, ...] | None] = {}
    completed = []
    for d in diagnostics:
        if d.fix is None or not d.fix.imports:
            completed.append(d)
            continue
        if d.fix.imports not in computed:
            try:
                computed[d.fix.imports] = import_edits(text, module, d.fix.imports)
            except ImportMergeError:
                computed[d.fix.imports] = None
        completed.append(replace(d, fix=replace(d.fix, import_edits=computed[d.fix.imports])))
    return completed


def complete_fixes(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics whose fixes carry their import edits among their edits, all in text order
    (for the JSON report).

    A consumer of the JSON applies ``edits`` only; without the import an
    applied fix could leave a name undefined. When the imports cannot be merged
    the fix is dropped from the report rather than shown incomplete.
    """
    completed = []
    for d in diagnostics:
        if d.fix is None:
            completed.append(d)
        elif d.fix.import_edits is None:
            completed.append(replace(d, fix=None))
        else:
            edits = _in_order((*d.fix.import_edits, *d.fix.edits))
            completed.append(replace(d, fix=replace(d.fix, edits=edits)))
    return completed


def _in_order(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    """Edits in text order; at one position the earlier listed (imports) goes first, so a
    consumer applying them one after the other, each at its position, gets the same text."""
    return tuple(sorted(edits, key=lambda e: (e.span.start, e.span.end)))
