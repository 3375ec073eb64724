"""SARIF 2.1.0, the format code-scanning services (GitHub's among them) ingest.

One run: the driver lists every rule with its documentation, so a viewer can
explain a finding without asynclint; each result points at its rule by id and
index, carries its region and, where asynclint can fix it, the fix as
replacements. Columns count Unicode code points, as asynclint's do, which the
run declares (SARIF's default would be UTF-16 code units).
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TextIO
from urllib.parse import quote, urlsplit

from asynclint import __version__
from asynclint.model import Diagnostic, Span
from asynclint.rules import ALL_RULES
from asynclint.rules.base import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# Every finding means a test that does not test what it says; none is a style nit.
LEVEL = "error"
_RULE_INDEX = {rule.code: index for index, rule in enumerate(ALL_RULES)}


def rule_descriptor(rule: type[Rule]) -> dict:
    """A ``reportingDescriptor``: the rule's identity and documentation.

    ``help`` carries the whole rule page, so a viewer needs no link. ``helpUri``
    must be an absolute URI (SARIF's ``format: uri``): while the pages' base is
    repository-relative it is left out rather than made invalid.
    """
    documentation = rule.documentation()
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc_section("What it does"), "markdown": rule.doc_section("What it does")},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": LEVEL, "enabled": rule.default_enabled},
        "properties": {"tags": [rule.family], "fix": rule.fix_label(), "docs": rule.url()},
    }
    if urlsplit(rule.url()).scheme:
        descriptor["helpUri"] = rule.url()
    return descriptor


def artifact_uri(path: str) -> str:
    """A relative path stays relative (resolved against the checkout by the consumer)."""
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix, safe="/:")
    return quote(posix)


def region(span: Span) -> dict:
    return {
        "startLine": span.start.line,
        "startColumn": span.start.column,
        "endLine": span.end.line,
        "endColumn": span.end.column,
    }


def result(d: Diagnostic) -> dict:
    """A ``result``: where, what, and the fix as replacements of the same file."""
    location = {"artifactLocation": {"uri": artifact_uri(d.path)}, "region": region(d.span)}
    found: dict = {
        "ruleId": d.code,
        "ruleIndex": _RULE_INDEX[d.code],
        "level": LEVEL,
        "message": {"text": d.message},
        "locations": [{"physicalLocation": location}],
    }
    if d.fix is not None:
        found["fixes"] = [
            {
                "description": {"text": f"{d.fix.title} ({d.fix.applicability.value} fix)"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(d.path)},
                        "replacements": [
                            {"deletedRegion": region(edit.span), "insertedContent": {"text": edit.content}}
                            for edit in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    return found


def document(diagnostics: list[Diagnostic]) -> dict:
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "asynclint",
                        "version": __version__,
                        "rules": [rule_descriptor(rule) for rule in ALL_RULES],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [result(d) for d in diagnostics],
            }
        ],
    }


def render(diagnostics: list[Diagnostic], out: TextIO) -> None:
    json.dump(document(diagnostics), out, indent=2)
    out.write("\n")
