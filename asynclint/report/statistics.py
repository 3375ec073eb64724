"""``--statistics``: how many findings of each rule, to size a clean-up or an adoption.

Sorted by count (most first), then code, as ruff's ``--statistics`` is; ``fixable``
counts what ``--fix`` would fix with the current options.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from asynclint.model import Applicability, Diagnostic


@dataclass(frozen=True)
class RuleCount:
    code: str
    name: str
    count: int
    fixable: int


def count(diagnostics: list[Diagnostic], unsafe_fixes: bool = False) -> list[RuleCount]:
    totals: Counter = Counter(d.code for d in diagnostics)
    fixable: Counter = Counter(
        d.code for d in diagnostics if d.fix is not None and (d.fix.applicability is Applicability.SAFE or unsafe_fixes)
    )
    names = {d.code: d.name for d in diagnostics}
    ordered = sorted(totals, key=lambda code: (-totals[code], code))
    return [RuleCount(code, names[code], totals[code], fixable[code]) for code in ordered]


def render_text(rows: list[RuleCount], out: TextIO) -> None:
    """``COUNT  CODE  [*] name``: ``[*]`` when every finding of the rule is fixable, ``[-]`` when some are."""
    width = max((len(str(row.count)) for row in rows), default=1)
    for row in rows:
        mark = "[*]" if row.fixable == row.count else "[-]" if row.fixable else "   "
        out.write(f"{row.count:>{width}}\t{row.code}\t{mark} {row.name}\n")


def render_json(rows: list[RuleCount], out: TextIO) -> None:
    json.dump([{"code": r.code, "name": r.name, "count": r.count, "fixable": r.fixable} for r in rows], out, indent=2)
    out.write("\n")
