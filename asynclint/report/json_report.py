"""The JSON contract (documented in the README): a sorted array of findings.

Each finding carries ``schema_version`` so a consumer can tell the contract it
reads without a wrapper object around the array (whose shape stays as it was).
``json-lines`` writes the same objects, one per line, for streaming consumers.

A file that could not be linted is an item of the same shape with the code ``ASL-INTERNAL``
(see ``FileError``): one array stays easy to consume, and a consumer that only counts items
can never take a crash for a clean file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from asynclint.model import Diagnostic, FileError
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


INTERNAL_CODE = "ASL-INTERNAL"


def error_as_dict(error: FileError) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "code": INTERNAL_CODE,
        "name": "internal-error",
        "message": error.message,
        "path": error.path,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "fix": None,
        "url": None,
    }


def _items(diagnostics: list[Diagnostic], errors: Iterable[FileError]) -> list[dict]:
    items = [as_dict(d) for d in diagnostics] + [error_as_dict(e) for e in errors]
    items.sort(key=lambda item: (item["path"], item["line"], item["column"], item["code"]))
    return items


def render(diagnostics: list[Diagnostic], out: TextIO, errors: Iterable[FileError] = ()) -> None:
    json.dump(_items(diagnostics, errors), out, indent=2)
    out.write("\n")


def render_lines(diagnostics: list[Diagnostic], out: TextIO, errors: Iterable[FileError] = ()) -> None:
    """``json-lines``: one compact object per line, nothing when clean."""
    for item in _items(diagnostics, errors):
        out.write(json.dumps(item))
        out.write("\n")
