"""A baseline: the findings a project accepts for now, so only new ones are reported.

Adopting a linter on a suite with hundreds of findings should not take hundreds of
``# noqa`` comments. ``--write-baseline FILE`` records the current findings and
``--baseline FILE`` hides them. An entry must survive edits that have nothing to do
with it, so it never stores a line number: it is keyed by rule code, the file's path
relative to the baseline's folder (POSIX), the qualified name of the enclosing
function or class and the finding's source line with its whitespace collapsed, with a
count for identical keys. Inserting lines above a finding keeps it matched; changing
its line reports it (the code changed, so it deserves a look); a baselined finding that
no longer occurs makes its entry stale, and the summary says how many are.

The file is JSON with a schema version, entries sorted, so it diffs well in review.
"""

from __future__ import annotations

import ast
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from asynclint.config.settings import SettingsError
from asynclint.model import Diagnostic

SCHEMA_VERSION = 1
Key = tuple[str, str, str, str]  # (path, scope, code, source)


class BaselineError(SettingsError):
    """An unreadable baseline file: bad input, reported in one line (exit 2)."""


def normalise(source_line: str) -> str:
    return " ".join(source_line.split())


def _scopes(source: str) -> list[tuple[int, int, str]]:
    """(first line, last line, qualname) of every function and class, outermost first."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found: list[tuple[int, int, str]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                found.append((first, child.end_lineno or child.lineno, name))
                visit(child, f"{name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def enclosing_scope(scopes: list[tuple[int, int, str]], line: int) -> str:
    """The innermost function or class holding ``line`` (``""`` at module level)."""
    best = ""
    for first, last, name in scopes:
        if first <= line <= last:
            best = name  # outermost first: a later hit is nested in the earlier one
    return best


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


@dataclass
class Keyer:
    """Turns findings into baseline keys, parsing each file once."""

    root: Path
    read: Callable[[Path], str] = read_text
    _scopes: dict[Path, list[tuple[int, int, str]]] = field(default_factory=dict, init=False, repr=False)

    def key(self, diagnostic: Diagnostic) -> Key:
        path = Path(os.path.abspath(diagnostic.path))
        scopes = self._scopes.get(path)
        if scopes is None:
            scopes = self._scopes[path] = _scopes(self.read(path))
        relative = Path(os.path.relpath(path, self.root)).as_posix()
        return (relative, enclosing_scope(scopes, diagnostic.line), diagnostic.code, normalise(diagnostic.source_line))


def _root(baseline_file: Path) -> Path:
    return Path(os.path.abspath(baseline_file)).parent


def write(baseline_file: Path, diagnostics: list[Diagnostic], read: Callable[[Path], str] = read_text) -> int:
    """Record ``diagnostics`` (atomically); returns how many entries the file holds."""
    keyer = Keyer(_root(baseline_file), read)
    counts = Counter(keyer.key(d) for d in diagnostics)
    entries = [
        {"path": path, "scope": scope, "code": code, "source": source, "count": count}
        for (path, scope, code, source), count in sorted(counts.items())
    ]
    text = json.dumps({"schema_version": SCHEMA_VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
    target = Path(os.path.abspath(baseline_file))
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(entries)


def load(baseline_file: Path) -> Counter:
    """The recorded keys with their counts."""
    try:
        data = json.loads(Path(baseline_file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{baseline_file}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{baseline_file}: cannot read the baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        version = data.get("schema_version") if isinstance(data, dict) else None
        raise BaselineError(
            f"{baseline_file}: unsupported baseline schema_version {version!r} (expected {SCHEMA_VERSION})"
        )
    counts: Counter = Counter()
    try:
        for entry in data["findings"]:
            key = (entry["path"], entry["scope"], entry["code"], entry["source"])
            if not all(isinstance(part, str) for part in key) or not isinstance(entry["count"], int):
                raise TypeError
            counts[key] += entry["count"]
    except (KeyError, TypeError):
        raise BaselineError(f"{baseline_file}: malformed baseline entry") from None
    return counts


@dataclass
class Applied:
    new: list[Diagnostic]  # findings the baseline does not hold
    matched: int
    stale: int  # recorded findings that no longer occur

    def summary(self) -> str:
        matched = f"{self.matched} finding{'s' if self.matched != 1 else ''} matched (not shown)"
        stale = f"{self.stale} stale entr{'ies' if self.stale != 1 else 'y'}"
        if self.stale:
            stale += " (fixed or changed; refresh with --write-baseline)"
        return f"Baseline: {matched}; {stale}."


def apply(baseline_file: Path, diagnostics: list[Diagnostic], read: Callable[[Path], str] = read_text) -> Applied:
    """Split ``diagnostics`` into new findings and those the baseline already holds."""
    remaining = load(baseline_file)
    keyer = Keyer(_root(baseline_file), read)
    new: list[Diagnostic] = []
    matched = 0
    for diagnostic in diagnostics:
        key = keyer.key(diagnostic)
        if remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
        else:
            new.append(diagnostic)
    return Applied(new, matched, sum(remaining.values()))
