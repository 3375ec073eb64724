"""Between asynclint's positions and the protocol's.

asynclint counts 1-based lines and 1-based columns in characters (code points), with
lines broken only at ``\\n``, ``\\r\\n`` and ``\\r`` -- which is also how LSP breaks them.
LSP counts 0-based lines and 0-based columns in the code units the client negotiated
(UTF-16 unless it asked for another): a character outside the Basic Multilingual
Plane is one asynclint column and two UTF-16 units. pygls's ``PositionCodec`` does the
unit arithmetic; the lines come from here, split the way both sides split them
(``str.splitlines`` would also break at form feeds and U+2028).
"""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace import PositionCodec

from asynclint.fixer.source import lines_with_ends
from asynclint.model import Applicability, Diagnostic, Edit, Position, Span
from asynclint.rules import BY_CODE

SOURCE = "asynclint"


def document_lines(text: str) -> list[str]:
    """The lines of ``text`` with their line breaks, as LSP numbers them."""
    return lines_with_ends(text)[0]


def _content(line: str) -> str:
    return line.rstrip("\r\n")


def to_client(lines: list[str], position: Position, codec: PositionCodec) -> types.Position:
    """An asynclint position as an LSP position (clamped to the text)."""
    line = position.line - 1
    if line >= len(lines):
        return end_of(lines, codec)
    text = _content(lines[line])
    column = min(max(position.column - 1, 0), len(text))
    return types.Position(line=line, character=codec.client_num_units(text[:column]))


def from_client(lines: list[str], position: types.Position, codec: PositionCodec) -> Position:
    """An LSP position as an asynclint position (clamped to the text)."""
    if position.line >= len(lines):
        return Position(len(lines) + 1, 1)
    text = _content(lines[position.line])
    units = 0
    for column, char in enumerate(text):
        if units >= position.character:
            return Position(position.line + 1, column + 1)
        units += codec.client_num_units(char)
    return Position(position.line + 1, len(text) + 1)


def to_client_range(lines: list[str], span: Span, codec: PositionCodec) -> types.Range:
    return types.Range(start=to_client(lines, span.start, codec), end=to_client(lines, span.end, codec))


def end_of(lines: list[str], codec: PositionCodec) -> types.Position:
    """The position just after the last character of the text."""
    if not lines:
        return types.Position(line=0, character=0)
    last = lines[-1]
    if last != _content(last):  # ends with a line break: the end is the start of the next line
        return types.Position(line=len(lines), character=0)
    return types.Position(line=len(lines) - 1, character=codec.client_num_units(last))


def severity(code: str) -> types.DiagnosticSeverity:
    """A file that does not parse is an error; every finding of a rule is a warning."""
    return types.DiagnosticSeverity.Error if code == "ASL000" else types.DiagnosticSeverity.Warning


def to_lsp_diagnostic(finding: Diagnostic, lines: list[str], codec: PositionCodec) -> types.Diagnostic:
    """One finding as the editor shows it: code, rule name, severity, range and docs link."""
    url = BY_CODE[finding.code].url()
    fix = finding.fix
    return types.Diagnostic(
        range=to_client_range(lines, finding.span, codec),
        message=finding.message,
        severity=severity(finding.code),
        code=finding.code,
        # a link only to hosted docs: a repository-relative path is no URI a client can open
        code_description=types.CodeDescription(href=url) if url and "://" in url else None,
        source=SOURCE,
        data={"name": finding.name, "fix": fix.applicability.value if fix is not None else None},
    )


def text_edits(edits: tuple[Edit, ...], lines: list[str], codec: PositionCodec) -> list[types.TextEdit]:
    return [types.TextEdit(range=to_client_range(lines, e.span, codec), new_text=e.content) for e in edits]


def whole_document_edit(lines: list[str], new_text: str, codec: PositionCodec) -> types.TextEdit:
    """Replace the whole text: what a fixed-point fix of the file is, in one edit."""
    return types.TextEdit(
        range=types.Range(start=types.Position(line=0, character=0), end=end_of(lines, codec)),
        new_text=new_text,
    )


def fix_title(finding: Diagnostic) -> str:
    """The quick fix's label; an unsafe fix says so, since it may change behaviour."""
    assert finding.fix is not None
    title = f"{finding.code}: {finding.fix.title}"
    return title if finding.fix.applicability is Applicability.SAFE else f"{title} (unsafe)"
