"""``path:line:col: CODE message`` — one finding per line, for editors and grep."""

from __future__ import annotations

from typing import TextIO

from asynclint.model import Diagnostic


def render(diagnostics: list[Diagnostic], out: TextIO) -> None:
    for d in diagnostics:
        fixable = " [*]" if d.fix is not None else ""
        out.write(f"{d.path}:{d.line}:{d.column}: {d.code}{fixable} {d.message}\n")
