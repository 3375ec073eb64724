"""Lint one file: read once, skip early, parse once, run every rule, locate findings once.

Python's verdict on the file comes first (:func:`check_source`): ASL000, or a
warning when the file is valid but not for this interpreter; everything after
it may recurse as deep as the file nests and runs in :func:`run_deep`.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from asynclint.config.pytest_config import PytestProfile
from asynclint.engine import noqa
from asynclint.engine.parsing import MAX_NESTING, check_source, nesting_depth, parse_module, run_deep
from asynclint.engine.positions import Locator
from asynclint.engine.suppression import ignores_file
from asynclint.fixer.imports import with_import_edits
from asynclint.fixer.source import detect_encoding
from asynclint.index.project import ProjectIndex
from asynclint.index.summary import summarize
from asynclint.model import Diagnostic, Edit, Fix, Position, Span
from asynclint.rules import ALL_RULES, BY_CODE
from asynclint.rules.base import AFTER, BEFORE, FIRST_CHAR, LAST_CHAR, LINE_BEFORE, Finding
from asynclint.semantics.context import FileContext, FileFacts
from asynclint.semantics.coroutine_runners import runner_context
from asynclint.semantics.filemodel import build_model
from asynclint.semantics.resolve import Resolver

_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass
class FileResult:
    path: str  # display path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: bool = False
    # Why the file was not analysed although it is valid Python: one stderr line each,
    # never a finding (the file is not wrong; this run cannot judge it).
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    """Source text honouring a PEP 263 coding cookie and a UTF-8 BOM."""
    try:
        encoding = detect_encoding(data)
    except SyntaxError:
        encoding = "utf-8"
    return data.decode(encoding if encoding != "utf-8-sig" else "utf-8-sig", errors="replace")


def decode_error(data: bytes) -> tuple[int, int, str] | None:
    """Where ``data`` stops being text in its declared encoding (Python refuses to import it)."""
    try:
        encoding = detect_encoding(data)
    except SyntaxError as exc:
        return (1, 1, str(exc))
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return (line, column, f"invalid {encoding} (byte 0x{data[exc.start]:02x})")
    except LookupError:
        return (1, 1, f"unknown encoding: {encoding}")
    return None


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} KB"


NO_GATE_VARIABLE = "ASYNCLINT_NO_GATE"


def gate_enabled() -> bool:
    """Whether files no enabled rule may apply to are skipped before libcst parses them.

    A testing aid: ``ASYNCLINT_NO_GATE=1`` in the environment (inherited by worker
    processes) runs every enabled rule on every file, so a test can show the gate never
    changes a finding. The only place the variable is read.
    """
    return os.environ.get(NO_GATE_VARIABLE, "") in ("", "0")


def may_find(facts: FileFacts, enabled: frozenset[str]) -> bool:
    """Whether any enabled rule may find something in the file (each rule declares what it
    needs: trigger words, project imports, or a cheap predicate on the file's summary)."""
    return any(rule.may_apply(facts) for rule in ALL_RULES if rule.code in enabled)


def _syntax_error(display: str, line: int, column: int, message: str, lines: list[str]) -> Diagnostic:
    rule = BY_CODE["ASL000"]
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        message=f"cannot parse the file: {message}",
        path=display,
        span=Span(Position(line, column), Position(line, column)),
        source_line=source_line,
    )


def lint_source(
    source: str,
    path: Path,
    display: str,
    profile: PytestProfile,
    index: ProjectIndex,
    enabled: frozenset[str],
    raw: bytes | None = None,
    max_size: int = 0,
) -> FileResult:
    """All enabled findings of one file, suppressions applied, sorted.

    ``max_size`` (bytes, 0: no limit) bounds memory: libcst's tree of a file takes
    about 0.9 GB per MB of test code, so a larger file is skipped with a warning.
    """
    result = FileResult(display)
    size = len(raw) if raw is not None else len(source)
    if max_size and size > max_size:
        result.warnings.append(
            f"{display}: skipped: {_size_text(size)} is above max-file-size ({_size_text(max_size)})"
        )
        return result
    lines = _LINE_BREAK.split(source)  # the line breaks Python (and libcst) count, no others
    if ignores_file(lines):
        return result
    directives = noqa.directives(source)
    if noqa.ignores_whole_file(directives):
        return result
    undecodable = decode_error(raw) if raw is not None else None
    if undecodable is not None:
        if "ASL000" in enabled:
            line, column, message = undecodable
            result.diagnostics.append(_syntax_error(display, line, column, message, lines))
        return result
    verdict = check_source(source, str(path), path.parent)
    if verdict.unanalysable is not None:
        result.warnings.append(f"{display}: {verdict.unanalysable}")
        return result
    if verdict.error is not None or verdict.tree is None:
        line, column, message = verdict.error or (1, 1, "invalid source")
        if "ASL000" in enabled:
            result.diagnostics.append(_syntax_error(display, line, column, message, lines))
        return result
    return run_deep(_analyse, result, verdict.tree, source, path, profile, index, enabled, raw, lines, directives)


def _analyse(
    result: FileResult,
    tree: ast.Module,
    source: str,
    path: Path,
    profile: PytestProfile,
    index: ProjectIndex,
    enabled: frozenset[str],
    raw: bytes | None,
    lines: list[str],
    directives: list[noqa.Directive],
) -> FileResult:
    """Everything after Python accepted the file (recursive code: runs in :func:`run_deep`)."""
    display = result.path
    module_name, is_package = index.module_name(path)
    summary = summarize(source, str(path), module_name, is_package, tree=tree)
    data = raw if raw is not None else source.encode("utf-8", "replace")
    if gate_enabled() and not may_find(FileFacts(path, data, summary, index, profile), enabled):
        # no rule can find anything here: as if every enabled rule ran and found nothing
        return _apply_noqa(result, [], directives, enabled, lines)
    depth = nesting_depth(tree)
    if depth > MAX_NESTING:
        result.warnings.append(f"{display}: cannot analyse: nested {depth} levels deep (the limit is {MAX_NESTING})")
        return result
    try:
        module = parse_module(source)
    except cst.ParserSyntaxError as exc:
        # Python accepted the file: a limit of libcst's parser, not an error in the file.
        result.warnings.append(f"{display}: cannot analyse: libcst cannot parse it ({exc.message})")
        return result
    result.parsed = True
    model = build_model(module, module_name, is_package)
    resolver = Resolver(model, summary, index, path)
    ctx = FileContext(
        path=path,
        source=source,
        model=model,
        summary=summary,
        index=index,
        profile=profile,
        resolver=resolver,
        is_conftest=path.name == "conftest.py",
        runner_context=runner_context(path, summary, index, profile),
    )
    findings: list[Finding] = []
    for rule_class in ALL_RULES:
        if rule_class.code in enabled:
            findings.extend(rule_class().check(ctx))
    located = _locate(findings, module, tree, display, lines) if findings else []
    if located:
        # import edits here, where the tree is at hand: once per file, in the worker
        located = with_import_edits(located, source, module)
    return _apply_noqa(result, located, directives, enabled, lines)


def _apply_noqa(
    result: FileResult,
    located: list[Diagnostic],
    directives: list[noqa.Directive],
    enabled: frozenset[str],
    lines: list[str],
) -> FileResult:
    """Drop suppressed findings; report unused codes (every enabled rule ran on the file)."""
    result.diagnostics, used = noqa.suppress(located, directives)
    if noqa.UNUSED_NOQA in enabled and directives:
        unused = noqa.unused(directives, used, enabled, result.path, lines, BY_CODE[noqa.UNUSED_NOQA].name)
        kept, _ = noqa.suppress(unused, directives)
        result.diagnostics = sorted(result.diagnostics + kept, key=Diagnostic.sort_key)
    return result


# An empty REPLACE of one of these nodes removes the node's whole line(s), indentation,
# trailing comment and line break included (each always starts its own line).
def _whole_lines(node: cst.CSTNode) -> bool:
    if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
        return False  # their span starts below their decorators
    return isinstance(node, (cst.Decorator, cst.SimpleStatementLine, cst.BaseCompoundStatement))


def _locate(
    findings: list[Finding], module: cst.Module, tree: ast.Module, display: str, lines: list[str]
) -> list[Diagnostic]:
    """Positions for reported nodes only, and only for files with findings (noqa not applied)."""
    anchors = [f.node for f in findings]
    anchors += [edit.node for f in findings if f.fix is not None for edit in f.fix.edits]
    locator = Locator(module, tree, anchors)

    span = locator.span
    diagnostics: dict[tuple, Diagnostic] = {}
    for finding in findings:
        where = span(finding.node)
        source_line = lines[where.start.line - 1] if where.start.line <= len(lines) else ""
        fix = None
        if finding.fix is not None:
            edits = []
            for edit in finding.fix.edits:
                node_span = span(edit.node)
                if edit.mode == BEFORE:
                    edits.append(Edit(Span(node_span.start, node_span.start), edit.content))
                elif edit.mode == AFTER:
                    edits.append(Edit(Span(node_span.end, node_span.end), edit.content))
                elif edit.mode == FIRST_CHAR:
                    start = node_span.start
                    edits.append(Edit(Span(start, Position(start.line, start.column + 1)), edit.content))
                elif edit.mode == LAST_CHAR:
                    end = node_span.end
                    edits.append(Edit(Span(Position(end.line, end.column - 1), end), edit.content))
                elif edit.mode == LINE_BEFORE:
                    line = node_span.start.line
                    text = lines[line - 1] if line <= len(lines) else ""
                    indent = text[: len(text) - len(text.lstrip())]
                    start = Position(line, 1)
                    edits.append(Edit(Span(start, start), f"{indent}{edit.content}\n"))
                elif not edit.content and _whole_lines(edit.node):
                    # Removing a decorator (or a statement) removes its whole line(s):
                    # from column 1 of its first line to column 1 of the line after its last.
                    edits.append(Edit(Span(Position(node_span.start.line, 1), Position(node_span.end.line + 1, 1)), ""))
                else:
                    edits.append(Edit(node_span, edit.content))
            fix = Fix(finding.fix.applicability, finding.fix.title, tuple(edits), finding.fix.imports)
        rule = BY_CODE[finding.code]
        diagnostic = Diagnostic(
            code=finding.code,
            name=rule.name,
            message=finding.message,
            path=display,
            span=where,
            fix=fix,
            source_line=source_line,
        )
        diagnostics.setdefault((diagnostic.sort_key(), diagnostic.message), diagnostic)
    return sorted(diagnostics.values(), key=Diagnostic.sort_key)
