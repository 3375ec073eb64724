"""``# noqa`` comments and the ``# asynclint: ignore-file`` pragma."""

from __future__ import annotations

import io
import re
import tokenize

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.I)
_IGNORE_FILE = re.compile(r"#\s*asynclint:\s*ignore-file\b")
IGNORE_FILE_WINDOW = 20


def ignores_file(lines: list[str]) -> bool:
    return any(_IGNORE_FILE.search(line) for line in lines[:IGNORE_FILE_WINDOW])


def is_suppressed(line_text: str, code: str) -> bool:
    """Whether a ``# noqa`` on the finding's first line covers ``code``."""
    if "noqa" not in line_text.lower():
        return False
    for match in _NOQA.finditer(line_text):
        codes = match.group("codes")
        if codes is None:
            return True
        if code.upper() in {c.upper() for c in re.split(r"[\s,]+", codes) if c}:
            return True
    return False


def comments_by_line(source: str) -> dict[int, str]:
    """The comment on each line (a ``# noqa`` inside a string literal is no comment)."""
    if "noqa" not in source.lower():
        return {}
    comments: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return {}
    return comments
