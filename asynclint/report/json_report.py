"""The JSON contract (versioned in DESIGN.md): a sorted array of findings.

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


INTERNAL_CODE = "ASL-INTERNAL"


def error_as_dict(error: FileError) -> dict:
    return {
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


def render(diagnostics: list[Diagnostic], out: TextIO, errors: Iterable[FileError] = ()) -> None:
    items = [as_dict(d) for d in diagnostics] + [error_as_dict(e) for e in errors]
    items.sort(key=lambda item: (item["path"], item["line"], item["column"], item["code"]))
    json.dump(items, out, indent=2)
    out.write("\n")
