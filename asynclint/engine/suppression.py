"""The ``# asynclint: ignore-file`` pragma, and the edit that adds a ``# noqa`` (an editor's
"suppress" action); reading ``# noqa`` directives is :mod:`asynclint.engine.noqa`."""

from __future__ import annotations

import io
import re
import tokenize

from asynclint.model import Edit, Position, Span

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.I)
_IGNORE_FILE = re.compile(r"#\s*asynclint:\s*ignore-file\b")
IGNORE_FILE_WINDOW = 20


def ignores_file(lines: list[str]) -> bool:
    return any(_IGNORE_FILE.search(line) for line in lines[:IGNORE_FILE_WINDOW])


def with_noqa(comment: str, code: str) -> str:
    """A line's comment (``""``: none) extended to suppress ``code``.

    Merged into an existing ``# noqa: A, B`` (one comment, as people write them by
    hand); any other comment (``# type: ignore``) is kept and the noqa follows it.
    """
    for match in _NOQA.finditer(comment):
        if match.group("codes") is not None:
            end = match.end("codes")
            return f"{comment[:end]}, {code}{comment[end:]}"
    return f"{comment}  # noqa: {code}" if comment else f"# noqa: {code}"


def noqa_edit(source: str, line: int, code: str) -> Edit | None:
    """The edit that suppresses ``code`` on ``line`` (1-based) of ``source``.

    None where a comment cannot go: the line ends inside a string or an f-string that
    continues below, after a backslash continuation, or the source does not tokenize.
    """
    lines = re.split(r"\r\n?|\n", source)
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    if text.rstrip().endswith("\\"):
        return None
    comment = ""
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.start[0] > line:
                break
            if token.start[0] <= line < token.end[0] and token.type not in (tokenize.NL, tokenize.NEWLINE):
                return None  # the line ends inside this token (a multi-line string)
            if token.type == tokenize.COMMENT and token.start[0] == line:
                comment = token.string
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    end = Position(line, len(text) + 1)
    if comment:
        start = Position(line, len(text) - len(comment) + 1)
        return Edit(Span(start, end), with_noqa(comment, code))
    start = Position(line, len(text.rstrip()) + 1)
    return Edit(Span(start, end), "  " + with_noqa("", code))
