"""Fixing files: apply non-overlapping fixes, re-parse, re-lint, repeat to a fixed point.

One file at a time, in memory::

    text ─► lint ─► applicable fixes ─► choose non-overlapping ─► apply edits
      ▲                                                             │
      │        merge imports (AddImportsVisitor) ◄──────────────────┘
      │                 │
      └── accepted ◄── re-parse (libcst) + compile() ── rejected: retry the fixes one by one,
                                                         drop the ones that break the file

A result that does not parse is never kept, so it is never written. The
loop stops when no applicable fix is left, when nothing changes, when a text
comes back (an oscillation) or after ``MAX_ROUNDS``.

Across files (``fix_files``): the first lint runs in parallel like ``check``;
only files with applicable fixes are fixed; when writing, the project is
linted again (cache-assisted) so a change in one file (a conftest) is seen by
the others, and files with new fixes get another pass (``MAX_PASSES``).
"""

from __future__ import annotations

import difflib
import os
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from asynclint.config.settings import Settings
from asynclint.engine import runner
from asynclint.engine.discovery import SourceFile
from asynclint.engine.linter import lint_source
from asynclint.engine.parsing import run_deep
from asynclint.engine.run_state import RunState
from asynclint.fixer.edits import LineIndex, Located, apply, locate, select
from asynclint.fixer.imports import ImportMergeError, merge_imports
from asynclint.fixer.source import ConcurrentModification, SourceText, atomic_write
from asynclint.model import Applicability, Diagnostic, FileError, Fix

MAX_ROUNDS = 10  # per file: lint, fix, re-parse
MAX_PASSES = 3  # per run: re-lint the project after writing, fix what became fixable


def is_applicable(fix: Fix | None, unsafe: bool) -> bool:
    """Whether the current options apply ``fix``: safe ones always, unsafe ones on request."""
    return fix is not None and (fix.applicability is Applicability.SAFE or unsafe)


def _parses(text: str) -> cst.Module | None:
    try:
        return cst.parse_module(text)
    except (cst.ParserSyntaxError, RecursionError, ValueError):
        return None


def _compiles(text: str, filename: str) -> bool:
    """Python's own verdict, which also catches what a grammar cannot (``await`` in a ``def``)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


@dataclass
class TextFix:
    text: str
    applied: Counter = field(default_factory=Counter)  # code -> findings fixed
    diagnostics: list[Diagnostic] = field(default_factory=list)  # what remains
    rejected: list[Diagnostic] = field(default_factory=list)  # fixes that would break the file
    rounds: int = 0

    @property
    def fixed(self) -> int:
        return sum(self.applied.values())


def _reject_key(item: Located, text: str) -> tuple:
    """Identifies a fix across rounds (positions move when other fixes land)."""
    return (
        item.diagnostic.code,
        item.fix.title,
        tuple((text[start:end], content) for start, end, content in item.edits),
        item.fix.imports,
    )


def fix_text(
    source: SourceText,
    lint: Callable[[str], list[Diagnostic]],
    unsafe: bool = False,
    filename: str = "<fix>",
    max_rounds: int = MAX_ROUNDS,
) -> TextFix:
    """Apply applicable fixes to ``source.text`` until none is left (or the cap)."""
    text = source.text
    check_compile = _compiles(text, filename)
    result = TextFix(text)
    rejected: set[tuple] = set()
    seen_texts = {text}
    diagnostics = lint(text)

    def attempt(items: list[Located]) -> str | None:
        candidate = apply(text, items)
        module = _parses(candidate)
        if module is None:
            return None
        requests = [r for item in items for r in item.fix.imports]
        if requests:
            try:
                candidate = merge_imports(candidate, module, requests)
            except ImportMergeError:
                return None
            if _parses(candidate) is None:
                return None
        if check_compile and not _compiles(candidate, filename):
            return None
        return candidate

    for _ in range(max_rounds):
        index = LineIndex(text)

        def native(content: str, at: int, text: str = text) -> str:  # this round's text
            return source.native_newlines(content, text, at)

        candidates: list[Located] = []
        for diagnostic in diagnostics:
            if not is_applicable(diagnostic.fix, unsafe):
                continue
            located = locate(diagnostic, index, native)
            if located is None:
                result.rejected.append(diagnostic)
                continue
            if _reject_key(located, text) not in rejected:
                candidates.append(located)
        if not candidates:
            break
        selection = select(candidates)
        applied = list(selection.chosen)
        new_text = attempt(applied)
        if new_text is None or new_text == text:
            # Find the culprits: keep the fixes that work on their own.
            applied = []
            for item in selection.chosen:
                alone = attempt([item])
                if alone is None or alone == text:
                    rejected.add(_reject_key(item, text))
                    result.rejected.append(item.diagnostic)
                else:
                    applied.append(item)
            new_text = attempt(applied) if applied else None
            if new_text is None and applied:
                applied = applied[:1]
                new_text = attempt(applied)
            if new_text is None:
                continue  # every chosen fix was rejected; the others get their turn
        keys = {(item.edits, item.fix.imports) for item in applied}
        done = applied + [d for d in selection.duplicates if (d.edits, d.fix.imports) in keys]
        result.rounds += 1
        text = new_text
        for item in done:
            result.applied[item.diagnostic.code] += 1
        diagnostics = lint(text)
        if text in seen_texts:
            break  # an oscillation: stop where we are (the text still parses)
        seen_texts.add(text)
    result.text = text
    result.diagnostics = diagnostics
    return result


# --------------------------------------------------------------------------- files


@dataclass
class FileFix:
    """What fixing did to one file."""

    path: Path
    display: str
    original: bytes
    fixed: bytes | None = None  # the new bytes (None: unchanged)
    applied: Counter = field(default_factory=Counter)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    rejected: list[Diagnostic] = field(default_factory=list)
    skipped: str | None = None  # why the file could not be fixed at all
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original

    def diff(self) -> bytes:
        """A unified diff (``--- a/path`` / ``+++ b/path``) from the bytes on disk to the bytes
        ``--fix`` writes, as bytes: ``git apply`` and ``patch`` must turn the one into the
        other exactly, whatever the encoding (a UTF-8 BOM, a latin-1 file) or line ends."""
        if not self.changed:
            return b""
        assert self.fixed is not None
        name = os.fsencode(self.display.replace(os.sep, "/"))
        lines = []
        for line in difflib.diff_bytes(
            difflib.unified_diff, _patch_lines(self.original), _patch_lines(self.fixed), b"a/" + name, b"b/" + name
        ):
            lines.append(line)
            if not line.endswith(b"\n"):
                lines.append(b"\n\\ No newline at end of file\n")
        return b"".join(lines)


def _patch_lines(data: bytes) -> list[bytes]:
    """``data`` in lines as ``patch`` and ``git apply`` count them: ended by ``\\n`` only.

    A CR is content to them, so a file whose lines end in a lone CR is one line long,
    and a CRLF line keeps its CR; anything else would not apply.
    """
    lines = [line + b"\n" for line in data.split(b"\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _linter(
    source_file: SourceFile, settings: Settings, fallback: Path, state: RunState | None = None
) -> Callable[[str], list[Diagnostic]]:
    path = source_file.path
    profile, index = (state if state is not None else RunState()).index_of_file(path, settings, fallback)
    enabled = settings.enabled - settings.ignored_for(path)

    def lint(text: str) -> list[Diagnostic]:
        index.begin_file()
        return lint_source(text, path, source_file.display, profile, index, enabled).diagnostics

    return lint


def fix_file(
    source_file: SourceFile,
    settings: Settings,
    unsafe: bool = False,
    fallback: Path | None = None,
    max_rounds: int = MAX_ROUNDS,
    state: RunState | None = None,
) -> FileFix:
    """Fix one file in memory (nothing is written here); ``state`` is the run's (by default
    a fresh one)."""
    path = source_file.path
    data = path.read_bytes()
    outcome = FileFix(path, source_file.display, data)
    source = SourceText.from_bytes(data)
    if source is None:
        outcome.skipped = "cannot decode the file losslessly"
        return outcome
    lint = _linter(source_file, settings, fallback or path.parent, state)
    # Re-parsing and regenerating the text recurse as deep as the file nests.
    fixed = run_deep(fix_text, source, lint, unsafe, str(path), max_rounds)
    outcome.applied = fixed.applied
    outcome.diagnostics = fixed.diagnostics
    outcome.rejected = fixed.rejected
    if fixed.text != source.text:
        encoded = source.encode(fixed.text)
        if encoded is None:
            outcome.skipped = f"the fixed text cannot be written in {source.encoding}"
            outcome.applied = Counter()
            outcome.diagnostics = lint(source.text)
            return outcome
        outcome.fixed = encoded
    return outcome


@dataclass
class FixRun:
    diagnostics: list[Diagnostic] = field(default_factory=list)  # what remains
    files_checked: int = 0
    files: list[FileFix] = field(default_factory=list)  # every file a fix was attempted on
    errors: list[str] = field(default_factory=list)  # one line per file not fixed or not written
    file_errors: list[FileError] = field(default_factory=list)  # files that could not be linted or fixed
    warnings: list[str] = field(default_factory=list)  # e.g. the cache turned itself off

    def absorb(self, run: runner.RunResult) -> None:
        """Keep a lint pass's file errors and warnings, each once across passes."""
        self.file_errors = list(dict.fromkeys([*self.file_errors, *run.errors]))
        self.warnings = list(dict.fromkeys([*self.warnings, *run.warnings]))

    @property
    def fixed(self) -> int:
        return sum(sum(f.applied.values()) for f in self.files)

    @property
    def applied(self) -> Counter:
        total: Counter = Counter()
        for f in self.files:
            total.update(f.applied)
        return total

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files if f.changed]


def _fix_keys(diagnostics: Iterable[Diagnostic], unsafe: bool) -> frozenset:
    return frozenset((d.code, d.line, d.column, d.message) for d in diagnostics if is_applicable(d.fix, unsafe))


def _links_out(files: list[SourceFile], named: Sequence[str]) -> dict[Path, str]:
    """The files reached through a symlink whose target lies outside every path the user
    named (and that the user did not name themselves), each with the line that says so.

    Following such a link would edit a file of another tree, one the user never asked to
    lint; naming the link itself on the command line is the explicit request to do so.
    """
    roots = [Path(os.path.realpath(p)) for p in named if os.path.isdir(p)]
    explicit = {os.path.abspath(p) for p in named if not os.path.isdir(p)}
    refused = {}
    for source_file in files:
        if os.path.abspath(source_file.display) in explicit:
            continue
        real = Path(os.path.realpath(source_file.path))
        if not any(real == root or root in real.parents for root in roots):
            refused[source_file.path] = (
                f"{source_file.display}: not fixed: it links to {real}, outside the paths given "
                "(name the file itself to fix it)"
            )
    return refused


def fix_files(
    files: list[SourceFile],
    settings: Settings,
    named: Sequence[str],
    unsafe: bool = False,
    write: bool = True,
    use_cache: bool = False,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: runner.Progress | None = None,
) -> FixRun:
    """Lint ``files``, fix what the options allow, write (or not), and report what remains.

    ``named`` are the paths the user gave: a symlink leading out of them is not followed
    (see ``_links_out``); ``--diff`` (``write=False``) shows exactly what ``--fix`` writes,
    so it skips the same files. ``progress`` follows the first lint, the one that takes time
    on a large suite.
    """
    if write and not use_cache:
        # The re-lint after writing only needs the files whose bytes or dependencies
        # changed: a private, throw-away result cache gives exactly that.
        with tempfile.TemporaryDirectory(prefix="asynclint-fix-") as scratch:
            return fix_files(files, settings, named, unsafe, write, True, Path(scratch), jobs, progress)
    state = RunState()  # the fixes reuse what the first lint learnt; a write makes it forget the file
    result = runner.run(
        files, settings, use_cache=use_cache, cache_dir=cache_dir, jobs=jobs, progress=progress, state=state
    )
    outcome = FixRun(files_checked=result.files_checked)
    outcome.absorb(result)
    links_out = _links_out(files, named)
    fallback = Path(os.path.commonpath([str(f.path.parent) for f in files])) if files else Path.cwd()
    by_display = {f.display: f for f in files}
    records: dict[Path, FileFix] = {}
    attempted: dict[Path, tuple[bytes, frozenset]] = {}
    diagnostics = result.diagnostics
    for _ in range(MAX_PASSES if write else 1):
        grouped: dict[str, list[Diagnostic]] = {}
        for d in diagnostics:
            grouped.setdefault(d.path, []).append(d)
        targets = []
        for display, found in grouped.items():
            source_file = by_display.get(display)
            keys = _fix_keys(found, unsafe)
            if source_file is None or not keys:
                continue
            if source_file.path in links_out:
                outcome.errors.append(links_out[source_file.path])
                continue
            try:
                data = source_file.path.read_bytes()
            except OSError:
                continue
            if attempted.get(source_file.path) == (data, keys):
                continue  # nothing new since the last attempt: what is left was rejected
            targets.append(source_file)
        if not targets:
            break
        changed = False
        fresh: dict[str, list[Diagnostic]] = {}
        for source_file in targets:
            try:
                fixed = fix_file(source_file, settings, unsafe, fallback, state=state)
            except Exception as exc:  # noqa: BLE001 -- unreadable, or an internal error: that file only
                why = runner.unreadable(exc) if isinstance(exc, OSError) else runner.internal_error(exc)
                outcome.absorb(runner.RunResult(errors=[FileError(source_file.display, why)]))
                continue
            record = records.get(source_file.path)
            if record is None:
                record = records[source_file.path] = fixed
            else:  # a later pass: keep the first original, add up what was fixed
                record.applied.update(fixed.applied)
                record.diagnostics, record.rejected = fixed.diagnostics, fixed.rejected
                if fixed.changed:
                    record.fixed = fixed.fixed
                record.skipped = fixed.skipped
            fresh[source_file.display] = fixed.diagnostics
            final = fixed.fixed if fixed.changed and fixed.fixed is not None else fixed.original
            attempted[source_file.path] = (final, _fix_keys(fixed.diagnostics, unsafe))
            if write and fixed.changed:
                try:
                    atomic_write(source_file.path, fixed.fixed, expected=fixed.original)  # type: ignore[arg-type]
                except ConcurrentModification:
                    outcome.errors.append(f"{source_file.display}: changed on disk while fixing; not written")
                    fixed.applied.clear()
                    record.applied.clear()
                    continue
                except OSError as exc:
                    outcome.errors.append(f"{source_file.display}: cannot write file: {exc.strerror}")
                    fixed.applied.clear()
                    record.applied.clear()
                    continue
                record.written = True
                changed = True
                state.forget_file(source_file.path)
        if not write:
            diagnostics = [d for d in diagnostics if d.path not in fresh]
            for found in fresh.values():
                diagnostics.extend(found)
            diagnostics.sort(key=Diagnostic.sort_key)
            break
        if not changed:
            break
        state = RunState()  # a new run: the written files change what the project says
        relint = runner.run(files, settings, use_cache=use_cache, cache_dir=cache_dir, jobs=jobs, state=state)
        outcome.absorb(relint)
        diagnostics = relint.diagnostics
    outcome.diagnostics = diagnostics
    outcome.files = sorted(records.values(), key=lambda f: f.display)
    return outcome


def merge_fix_runs(runs: list[FixRun]) -> FixRun:
    """One outcome of the runs of several projects (each with its own settings)."""
    merged = FixRun()
    for run in runs:
        merged.diagnostics.extend(run.diagnostics)
        merged.files_checked += run.files_checked
        merged.files.extend(run.files)
        merged.errors.extend(run.errors)
        merged.file_errors.extend(run.file_errors)
        merged.warnings.extend(w for w in run.warnings if w not in merged.warnings)
    merged.diagnostics.sort(key=Diagnostic.sort_key)
    merged.files.sort(key=lambda f: f.display)
    return merged
