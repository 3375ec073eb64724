"""GitHub Actions workflow commands: one ``::error`` annotation per finding.

The runner turns each line into an annotation on the pull request's diff, at
the finding's span, titled with the rule's code and name.
"""

from __future__ import annotations

from typing import TextIO

from asynclint.model import Diagnostic


def escape_data(value: str) -> str:
    """The message part: ``%``, CR and LF would end or corrupt the command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value: also ``:`` and ``,``, which separate the properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    """The workflow command for one finding (columns 1-based, end column exclusive as in the JSON)."""
    properties = {
        "file": d.path.replace("\\", "/"),
        "line": str(d.span.start.line),
        "col": str(d.span.start.column),
        "endLine": str(d.span.end.line),
        "endColumn": str(d.span.end.column),
        "title": f"{d.code} {d.name}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::error {joined}::{escape_data(d.message)}"


def render(diagnostics: list[Diagnostic], out: TextIO) -> None:
    for d in diagnostics:
        out.write(command(d) + "\n")
