"""Choosing fixes that do not overlap and applying their edits to text.

Positions are 1-based lines and 1-based columns counted in characters, with
lines broken the way libcst breaks them (``\\n``, ``\\r\\n``, ``\\r``). A fix is
all or nothing: when one of its edits touches an edit of a fix chosen before
it, the whole fix waits for the next round (after the file is re-parsed and
re-linted, its positions are fresh again).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from asynclint.fixer.source import NEWLINE
from asynclint.model import Diagnostic, Fix, Position


class LineIndex:
    """Turns positions into string offsets for one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in NEWLINE.finditer(text)]

    def offset(self, position: Position) -> int | None:
        line, column = position.line, position.column
        if line < 1 or column < 1:
            return None
        if line > len(self.starts):
            # One past the last line: only its very start exists (the end of the text).
            if line == len(self.starts) + 1 and column == 1 and self.text.endswith(("\n", "\r")):
                return len(self.text)
            return None
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        content_end = end
        newline = NEWLINE.search(self.text, start, end)
        if newline is not None and newline.end() == end and line < len(self.starts):
            content_end = newline.start()
        offset = start + column - 1
        return offset if offset <= content_end else None

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


@dataclass(frozen=True)
class Located:
    """A fix with its edits as (start, end, content) offsets, sorted."""

    diagnostic: Diagnostic
    edits: tuple[tuple[int, int, str], ...]

    @property
    def fix(self) -> Fix:
        assert self.diagnostic.fix is not None
        return self.diagnostic.fix

    @property
    def start(self) -> int:
        return self.edits[0][0] if self.edits else -1


def locate(diagnostic: Diagnostic, index: LineIndex, native: Callable[[str, int], str]) -> Located | None:
    """Offsets for a fix's edits; None when a position is outside the text or edits overlap."""
    assert diagnostic.fix is not None
    edits = []
    for edit in diagnostic.fix.edits:
        start = index.offset(edit.span.start)
        end = index.offset(edit.span.end)
        if start is None or end is None or end < start:
            return None
        edits.append((start, end, native(edit.content, start)))
    edits.sort(key=lambda e: (e[0], e[1]))
    for (_, end1, _), (start2, _, _) in zip(edits, edits[1:]):
        if start2 < end1:
            return None
    return Located(diagnostic, tuple(edits))


def _conflict(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Edits of two different fixes conflict when they overlap or even touch.

    Touching edits (an insertion where another edit starts or ends) are held back
    too: their order would be a guess. They are applied in the next round.
    """
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass
class Selection:
    chosen: list[Located]  # fixes whose edits are applied
    duplicates: list[Located]  # fixes identical to a chosen one: done by it


def select(candidates: list[Located]) -> Selection:
    """Non-overlapping fixes, earliest first; identical fixes count once."""
    chosen: list[Located] = []
    duplicates: list[Located] = []
    taken: list[tuple[int, int, str]] = []
    seen: dict[tuple, Located] = {}
    for item in sorted(candidates, key=lambda c: (c.start, c.diagnostic.code, c.diagnostic.sort_key())):
        key = (item.edits, item.fix.imports)
        if key in seen:
            duplicates.append(item)
            continue
        if any(_conflict(edit, other) for edit in item.edits for other in taken):
            continue
        chosen.append(item)
        seen[key] = item
        taken.extend(item.edits)
    return Selection(chosen, duplicates)


def apply(text: str, fixes: list[Located]) -> str:
    """``text`` with every edit of ``fixes`` applied (they must not overlap)."""
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e[0], e[1]))
    parts: list[str] = []
    cursor = 0
    for start, end, content in edits:
        assert start >= cursor, "overlapping edits"
        parts.append(text[cursor:start])
        parts.append(content)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)
