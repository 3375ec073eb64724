"""The library interface: pure functions, no printing, no exiting."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from asynclint.config.pytest_config import PytestProfile, load_profile
from asynclint.config.settings import Settings, load_settings
from asynclint.engine.discovery import discover
from asynclint.engine.linter import lint_source
from asynclint.engine.projects import group_by_config, merge_fix_runs, merge_runs, without_excluded
from asynclint.engine.runner import RunResult, run
from asynclint.fixer.fixer import FixRun, fix_files
from asynclint.index.project import ProjectIndex
from asynclint.model import Diagnostic
from asynclint.rules import resolve_selection


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
    return merge_runs([
        run(without_excluded(group, found, set(paths), False), found, use_cache=use_cache, cache_dir=cache_dir, jobs=jobs)
        for found, group in groups
    ])


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
            discover(paths, settings), settings, paths, unsafe=unsafe, write=write, use_cache=use_cache,
            cache_dir=cache_dir, jobs=jobs,
        )
    groups = group_by_config(discover(paths), load_settings, Path(paths[0]))
    return merge_fix_runs([
        fix_files(
            without_excluded(group, found, set(paths), False), found, paths, unsafe=unsafe, write=write,
            use_cache=use_cache, cache_dir=cache_dir, jobs=jobs,
        )
        for found, group in groups
    ])


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
    index = ProjectIndex(root, profile.pythonpath)
    enabled = resolve_selection(list(select), default_all=True)
    return lint_source(source, path, filename, profile, index, enabled).diagnostics
