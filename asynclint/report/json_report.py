"""The JSON contract (versioned in DESIGN.md): a sorted array of findings."""

from __future__ import annotations

import json
from typing import TextIO

from asynclint.model import Diagnostic
from asynclint.rules import BY_CODE


def as_dict(d: Diagnostic) -> dict:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "title": d.fix.title,
            "edits": [
                {
                    "line": e.span.start.line,
                    "column": e.span.start.column,
                    "end_line": e.span.end.line,
                    "end_column": e.span.end.column,
                    "content": e.content,
                }
                for e in d.fix.edits
            ],
        }
    return {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "path": d.path,
        "line": d.span.start.line,
        "column": d.span.start.column,
        "end_line": d.span.end.line,
        "end_column": d.span.end.column,
        "fix": fix,
        "url": BY_CODE[d.code].url(),
    }


def render(diagnostics: list[Diagnostic], out: TextIO) -> None:
    json.dump([as_dict(d) for d in diagnostics], out, indent=2)
    out.write("\n")
