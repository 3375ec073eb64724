"""The JSON contract (documented in the README): a sorted array of findings.

Each finding carries ``schema_version`` so a consumer can tell the contract it
reads without a wrapper object around the array (whose shape stays as it was).
``json-lines`` writes the same objects, one per line, for streaming consumers.
"""

from __future__ import annotations

import json
from typing import TextIO

from asynclint.model import Diagnostic
from asynclint.rules import BY_CODE

# 1: the unversioned array (``url`` always null). 2: ``schema_version`` added, ``url`` set.
SCHEMA_VERSION = 2


def as_dict(d: Diagnostic) -> dict:
    """One finding as the contract's object (keys in a fixed order)."""
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
        "schema_version": SCHEMA_VERSION,
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


def render_lines(diagnostics: list[Diagnostic], out: TextIO) -> None:
    """``json-lines``: one compact object per line, nothing when clean."""
    for d in diagnostics:
        out.write(json.dumps(as_dict(d)))
        out.write("\n")
