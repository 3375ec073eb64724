"""The library interface: pure functions, no printing, no exiting."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from asynclint.config.pytest_config import PytestProfile, load_profile
from asynclint.config.settings import Settings, load_settings
from asynclint.engine.discovery import discover
from asynclint.engine.linter import lint_source
from asynclint.engine.projects import group_by_config, merge_fix_runs, merge_runs
from asynclint.engine.runner import RunResult, run
from asynclint.fixer import FixRun, fix_files
from asynclint.index.project import ProjectIndex
from asynclint.model import Diagnostic
from asynclint.rules import resolve_selection


def lint_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    use_cache: bool = False,
    jobs: int | None = None,
) -> RunResult:
    """Lint files and folders as the command line does.

    Without ``settings``, each file gets the ``[tool.asynclint]`` table found above it.
    """
    paths = list(paths) or ["."]
    files = discover(paths)
    if settings is not None:
        return run(files, settings, use_cache=use_cache, jobs=jobs)
    groups = group_by_config(files, load_settings, Path(paths[0]))
    return merge_runs([run(group, found, use_cache=use_cache, jobs=jobs) for found, group in groups])


def fix_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    unsafe: bool = False,
    write: bool = True,
    use_cache: bool = False,
    jobs: int | None = None,
) -> FixRun:
    """Fix files and folders as ``asynclint --fix`` does (``write=False``: as ``--diff`` does).

    Safe fixes always, unsafe ones with ``unsafe=True``; without ``settings``, each file
    gets the ``[tool.asynclint]`` table found above it. Returns what remains
    (``diagnostics``), how many findings were fixed (``fixed``, ``applied`` per
    code) and, per file, the bytes before and after (``files``; ``diff()``).
    """
    paths = list(paths) or ["."]
    files = discover(paths)
    if settings is not None:
        return fix_files(files, settings, unsafe=unsafe, write=write, use_cache=use_cache, jobs=jobs)
    groups = group_by_config(files, load_settings, Path(paths[0]))
    return merge_fix_runs([
        fix_files(group, found, unsafe=unsafe, write=write, use_cache=use_cache, jobs=jobs) for found, group in groups
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
