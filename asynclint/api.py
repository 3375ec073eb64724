"""The library interface: pure functions, no printing, no exiting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from asynclint.catalogue import resolve_selection
from asynclint.config.pytest_config import PytestProfile, load_profile
from asynclint.config.settings import Settings, load_settings
from asynclint.engine.discovery import discover
from asynclint.engine.linter import lint_source
from asynclint.engine.projects import group_by_config, merge_runs, without_excluded
from asynclint.engine.run_state import RunState
from asynclint.engine.runner import RunResult, run
from asynclint.fixer.fixer import FixRun, fix_files, fix_text, merge_fix_runs
from asynclint.fixer.source import NEWLINE, SourceText
from asynclint.model import Diagnostic, Edit


def lint_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    use_cache: bool = False,
    jobs: int | None = None,
    cache_dir: Path | None = None,
) -> RunResult:
    """Lint files and folders as the command line does.

    Without ``settings``, each file gets the ``[tool.asynclint]`` table found above it. Files
    that could not be linted are in ``errors`` (the others are linted all the same); with
    ``use_cache``, ``cache_dir`` defaults as on the command line.
    """
    paths = list(paths) or ["."]
    if settings is not None:
        return run(discover(paths, settings), settings, use_cache=use_cache, cache_dir=cache_dir, jobs=jobs)
    groups = group_by_config(discover(paths), load_settings, Path(paths[0]))
    return merge_runs(
        [
            run(
                without_excluded(group, found, set(paths), False),
                found,
                use_cache=use_cache,
                cache_dir=cache_dir,
                jobs=jobs,
            )
            for found, group in groups
        ]
    )


def fix_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    unsafe: bool = False,
    write: bool = True,
    use_cache: bool = False,
    jobs: int | None = None,
    cache_dir: Path | None = None,
) -> FixRun:
    """Fix files and folders as ``asynclint --fix`` does (``write=False``: as ``--diff`` does).

    Safe fixes always, unsafe ones with ``unsafe=True``; without ``settings``, each file
    gets the ``[tool.asynclint]`` table found above it. Returns what remains
    (``diagnostics``), how many findings were fixed (``fixed``, ``applied`` per
    code), per file, the bytes before and after (``files``; ``diff()``), and the files that
    could not be linted or fixed (``file_errors``).
    """
    paths = list(paths) or ["."]
    if settings is not None:
        return fix_files(
            discover(paths, settings),
            settings,
            paths,
            unsafe=unsafe,
            write=write,
            use_cache=use_cache,
            cache_dir=cache_dir,
            jobs=jobs,
        )
    groups = group_by_config(discover(paths), load_settings, Path(paths[0]))
    return merge_fix_runs(
        [
            fix_files(
                without_excluded(group, found, set(paths), False),
                found,
                paths,
                unsafe=unsafe,
                write=write,
                use_cache=use_cache,
                cache_dir=cache_dir,
                jobs=jobs,
            )
            for found, group in groups
        ]
    )


def lint_text(
    source: str,
    filename: str = "test_example.py",
    profile: PytestProfile | None = None,
    select: Iterable[str] = (),
    root: Path | None = None,
) -> list[Diagnostic]:
    """Lint source text as if it were ``filename`` (which need not exist)."""
    path = Path(filename).resolve()
    root = root or path.parent
    if profile is None:
        profile = load_profile(path)
    index = RunState().index_for(root, profile.pythonpath)
    enabled = resolve_selection(list(select), default_all=True)
    return lint_source(source, path, filename, profile, index, enabled).diagnostics


def lint_document(
    text: str, path: Path, fallback_root: Path | None = None, state: RunState | None = None
) -> list[Diagnostic]:
    """Lint ``text`` as the contents of ``path`` in its project, as ``asynclint check`` would.

    For editors: the buffer may differ from the file on disk (or the file may not exist
    yet). Settings and the pytest profile come from the configs above ``path``; a
    long-lived process passes its ``state`` to reuse what it learnt about the project's
    other modules from one call to the next (and tells it of changed files).
    ``fallback_root`` is the index root when no config names one (``check`` uses the
    common folder of the files it was given). Raises ``SettingsError`` /
    ``PytestConfigError`` for broken configuration, as the command line does.
    """
    path = path.resolve()
    settings = load_settings(path)
    if settings.is_excluded(path):
        return []
    return _document_linter(path, settings, fallback_root, state or RunState())(text)


def _document_linter(
    path: Path, settings: Settings, fallback_root: Path | None, state: RunState
) -> Callable[[str], list[Diagnostic]]:
    profile, index = state.index_of_file(path, settings, fallback_root or path.parent)
    enabled = settings.enabled - settings.ignored_for(path)

    def lint(text: str) -> list[Diagnostic]:
        index.begin_file()
        return lint_source(text, path, str(path), profile, index, enabled).diagnostics

    return lint


def fix_document(
    text: str, path: Path, fallback_root: Path | None = None, unsafe: bool = False, state: RunState | None = None
) -> str:
    """``text`` with every applicable fix applied, as ``asynclint --fix`` would fix ``path``.

    The same fixed-point loop as the command line (re-lint after each round, results that
    do not parse are rejected), run on a buffer instead of a file; nothing is written.
    """
    path = path.resolve()
    settings = load_settings(path)
    if settings.is_excluded(path):
        return text
    newline = NEWLINE.search(text)
    source = SourceText(text, "utf-8", False, newline.group(0) if newline else "\n")
    return fix_text(
        source, _document_linter(path, settings, fallback_root, state or RunState()), unsafe, str(path)
    ).text


def fix_edits(diagnostic: Diagnostic, text: str) -> tuple[Edit, ...] | None:
    """The edits of ``diagnostic``'s fix on ``text``, the imports it needs included, in
    text order (what a client applying one quick fix needs); None when the finding has no
    fix or its imports cannot be merged into ``text``.
    """
    fix = diagnostic.fix
    if fix is None or fix.import_edits is None:
        return None
    extra = fix.import_edits  # computed where the text was linted
    return tuple(sorted((*extra, *fix.edits), key=lambda e: (e.span.start, e.span.end)))
