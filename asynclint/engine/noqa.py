"""``# noqa`` directives as data: which findings they suppress, which of their codes are unused.

The line form (``# noqa: ASL201``) covers the finding whose first line carries it; the
file-level form (``# asynclint: noqa: ASL301, ASL401`` in the first lines) covers the whole
file. Both are read from real comment tokens, so the words inside a string never count.

A code of a directive is *unused* when its rule was enabled for the file and ran, and
produced nothing the directive covers. Only those codes are judged: a code of a disabled
rule or of another tool (``E501``) may well be needed by someone else, and a bare
``# noqa`` names nothing to judge. Unused codes become ASL001 findings with a safe fix
that removes the code, or the directive when no code is left.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from asynclint.engine.suppression import IGNORE_FILE_WINDOW
from asynclint.model import Applicability, Diagnostic, Edit, Fix, Position, Span

UNUSED_NOQA = "ASL001"
_CODES = r"[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*"
_LINE_NOQA = re.compile(rf"#\s*noqa(?::\s*(?P<codes>{_CODES}))?", re.I)
_FILE_NOQA = re.compile(rf"#\s*asynclint:\s*noqa(?::\s*(?P<codes>{_CODES}))?", re.I)
_SEPARATOR = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    """One ``# noqa`` (or ``# asynclint: noqa``) inside one comment token.

    Columns are 0-based character offsets in the line: ``start``/``end`` bound the
    directive, ``codes_start``/``codes_end`` its code list, ``comment_start``/
    ``comment_end`` the whole comment token it sits in.
    """

    line: int
    start: int
    end: int
    codes: tuple[str, ...]  # upper case, as written; empty for a bare directive
    codes_start: int
    codes_end: int
    comment_start: int
    comment_end: int
    file_level: bool

    def covers(self, code: str) -> bool:
        return not self.codes or code in self.codes


def _comments(source: str) -> list[tokenize.TokenInfo]:
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []


def directives(source: str) -> list[Directive]:
    """Every noqa directive of ``source``, in order (none when the text cannot be tokenized)."""
    if "noqa" not in source.lower():
        return []
    found: list[Directive] = []
    for token in _comments(source):
        line, column = token.start
        file_level = line <= IGNORE_FILE_WINDOW and _FILE_NOQA.match(token.string) is not None
        pattern = _FILE_NOQA if file_level else _LINE_NOQA
        for match in pattern.finditer(token.string):
            codes_text = match.group("codes")
            codes = tuple(c.upper() for c in _SEPARATOR.split(codes_text or "") if c)
            codes_start, codes_end = match.span("codes") if codes_text else (match.end(), match.end())
            found.append(
                Directive(
                    line=line,
                    start=column + match.start(),
                    end=column + match.end(),
                    codes=codes,
                    codes_start=column + codes_start,
                    codes_end=column + codes_end,
                    comment_start=column,
                    comment_end=column + len(token.string),
                    file_level=file_level,
                )
            )
    return found


def ignores_whole_file(found: list[Directive]) -> bool:
    """A bare ``# asynclint: noqa`` silences the file, as ``# ruff: noqa`` does for ruff."""
    return any(d.file_level and not d.codes for d in found)


def suppress(
    diagnostics: list[Diagnostic], found: list[Directive]
) -> tuple[list[Diagnostic], set[tuple[Directive, str]]]:
    """The diagnostics no directive covers, and which (directive, code) pairs were used."""
    by_line: dict[int, list[Directive]] = {}
    file_level: list[Directive] = []
    for directive in found:
        if directive.file_level:
            file_level.append(directive)
        else:
            by_line.setdefault(directive.line, []).append(directive)
    kept: list[Diagnostic] = []
    used: set[tuple[Directive, str]] = set()
    for diagnostic in diagnostics:
        covering = [d for d in (*by_line.get(diagnostic.line, ()), *file_level) if d.covers(diagnostic.code)]
        if not covering:
            kept.append(diagnostic)
        for directive in covering:
            used.add((directive, diagnostic.code))
    return kept, used


def unused(
    found: list[Directive],
    used: set[tuple[Directive, str]],
    judged: frozenset[str],
    display: str,
    lines: list[str],
    name: str,
) -> list[Diagnostic]:
    """ASL001 findings: codes in ``judged`` (enabled rules that ran) that covered nothing."""
    results: list[Diagnostic] = []
    for directive in found:
        unused_codes = [c for c in directive.codes if c in judged and c != UNUSED_NOQA and (directive, c) not in used]
        if not unused_codes:
            continue
        text = lines[directive.line - 1] if directive.line <= len(lines) else ""
        listed = ", ".join(unused_codes)
        results.append(
            Diagnostic(
                code=UNUSED_NOQA,
                name=name,
                message=f"unused noqa directive (unused: {listed})",
                path=display,
                span=Span(Position(directive.line, directive.start + 1), Position(directive.line, directive.end + 1)),
                fix=_removal(directive, unused_codes, text),
                source_line=text,
            )
        )
    return results


def _removal(directive: Directive, unused_codes: list[str], text: str) -> Fix:
    """Drop the unused codes; drop the directive (and the comment if it held nothing else)."""
    line = directive.line
    kept = [c for c in directive.codes if c not in unused_codes]
    if kept:
        span = Span(Position(line, directive.codes_start + 1), Position(line, directive.codes_end + 1))
        return Fix(
            Applicability.SAFE,
            f"remove unused code{'s' if len(unused_codes) > 1 else ''}",
            (Edit(span, ", ".join(kept)),),
        )
    before = text[directive.comment_start : directive.start]
    after = text[directive.end : directive.comment_end]
    if not before.strip("# \t") and not after.strip():
        # the comment is the directive: remove it with the blanks that separate it from the code
        start = len(text[: directive.comment_start].rstrip())
        end = directive.comment_end
    elif not before.strip("# \t"):
        # more comment follows: ``# noqa: ASL201  # why`` keeps ``# why``; ``# noqa: ASL201 why``
        # keeps ``# why`` too (the words must stay a comment)
        start = directive.start
        blank = len(after) - len(after.lstrip())
        span = Span(Position(line, start + 1), Position(line, directive.end + blank + 1))
        content = "" if after.lstrip().startswith("#") else "# "
        return Fix(Applicability.SAFE, "remove unused noqa directive", (Edit(span, content),))
    else:
        # the directive ends another comment: ``# why`` then the directive, on one line
        start = len(text[: directive.start].rstrip())
        end = directive.end
    span = Span(Position(line, start + 1), Position(line, end + 1))
    return Fix(Applicability.SAFE, "remove unused noqa directive", (Edit(span, ""),))
