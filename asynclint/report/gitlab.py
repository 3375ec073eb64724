"""GitLab code quality report: a JSON array GitLab shows in merge requests.

GitLab matches findings across pipelines by ``fingerprint`` to say which are new
and which were fixed, so the fingerprint must survive edits that only move a
finding: it hashes the rule, the path and the finding's source line with its
whitespace normalised, never the line number. Identical findings on identical
lines of one file are told apart by their order, which a move keeps too.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from asynclint.model import Diagnostic

SEVERITY = "major"  # GitLab's scale: info, minor, major, critical, blocker


def fingerprint(d: Diagnostic, occurrence: int = 0) -> str:
    normalised = " ".join(d.source_line.split())
    key = "\0".join((d.code, d.path.replace("\\", "/"), normalised, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def issues(diagnostics: list[Diagnostic]) -> list[dict]:
    seen: Counter = Counter()
    found = []
    for d in diagnostics:
        base = fingerprint(d)
        found.append(
            {
                "description": f"{d.code} {d.message}",
                "check_name": f"{d.code} {d.name}",
                "fingerprint": fingerprint(d, seen[base]),
                "severity": SEVERITY,
                "location": {"path": d.path.replace("\\", "/"), "lines": {"begin": d.line, "end": d.span.end.line}},
            }
        )
        seen[base] += 1
    return found


def render(diagnostics: list[Diagnostic], out: TextIO) -> None:
    json.dump(issues(diagnostics), out, indent=2)
    out.write("\n")
