"""Source text made safe and measurable for a terminal.

A source line is shown under the finding's message with carets beneath the
span. Raw control characters would reach the terminal (``\\x1b`` starts an
escape sequence; bidirectional overrides reorder what the reader sees), so
they are drawn as visible symbols. Tabs are expanded and wide (East Asian)
characters counted as two cells, so the carets land under the span.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len

TAB_SIZE = 4
# Format characters that reorder or hide text ("Trojan Source"), shown by code point.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def visible_char(char: str) -> str:
    """A control character as its Unicode control picture (``\\x1b`` -> ``␛``)."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in _BIDI or unicodedata.category(char) == "Cc":
        return f"<U+{code:04X}>"
    return char


def visible(text: str) -> str:
    """``text`` with every control character drawn (tabs included, as ``␉``)."""
    return "".join(visible_char(char) for char in text)


def display_cells(line: str) -> list[tuple[str, int]]:
    """Each character of ``line`` as (what to print, terminal cells), tabs expanded to stops."""
    cells: list[tuple[str, int]] = []
    column = 0
    for char in line:
        if char == "\t":
            shown = " " * (TAB_SIZE - column % TAB_SIZE)
        else:
            shown = visible_char(char)
        width = cell_len(shown)
        cells.append((shown, width))
        column += width
    return cells


def caret_line(line: str, start: int, end: int) -> tuple[int, int]:
    """(cells before the span, cells of the span) for 0-based character offsets ``[start, end)``.

    The span is at least one cell wide, so a finding at the end of a line still
    gets a caret.
    """
    cells = display_cells(line)
    before = sum(width for _, width in cells[:start])
    width = sum(width for _, width in cells[start:end])
    return before, max(width, 1)
