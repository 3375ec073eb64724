"""``path:line:col: CODE message`` — one finding per line, for editors and grep."""

from __future__ import annotations

from typing import TextIO

from asynclint.model import Applicability, Diagnostic
from asynclint.report.visible import visible


def render(diagnostics: list[Diagnostic], out: TextIO, unsafe_fixes: bool = False) -> None:
    """``[*]`` marks a finding ``--fix`` would fix with the current options."""
    for d in diagnostics:
        applies = d.fix is not None and (d.fix.applicability is Applicability.SAFE or unsafe_fixes)
        fixable = " [*]" if applies else ""
        # One line per finding: a control character in a path or message must neither
        # reach the terminal nor break the line.
        out.write(f"{visible(d.path)}:{d.line}:{d.column}: {d.code}{fixable} {visible(d.message)}\n")
