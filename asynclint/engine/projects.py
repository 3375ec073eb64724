"""Settings per file: each file is linted with the ``[tool.asynclint]`` table that governs it.

pre-commit names files from anywhere in a repository, in any order. Taking the settings
of the first path would make a monorepo's result depend on that order, so the files are
grouped by the configuration found above each of them and every group runs with its own
settings; the results are merged into one report (one summary, one exit code).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from asynclint.config.settings import Settings, find_pyproject_settings
from asynclint.engine.discovery import SourceFile
from asynclint.engine.plan import RunResult
from asynclint.model import Diagnostic


def group_by_config(
    files: list[SourceFile], load: Callable[[Path], Settings], fallback: Path
) -> list[tuple[Settings, list[SourceFile]]]:
    """``files`` grouped by the pyproject.toml that configures them, each with its settings.

    ``load(start)`` reads the settings governing ``start``; ``fallback`` is asked when there
    are no files, so a broken configuration is still reported.
    """
    if not files:
        return [(load(fallback), [])]
    config_of: dict[Path, Path | None] = {}  # folder -> its pyproject.toml with [tool.asynclint]
    groups: dict[Path | None, tuple[Settings, list[SourceFile]]] = {}
    parsed: dict[Path, dict] = {}  # each pyproject.toml is read once, however many folders reach it
    for source in files:
        folder = source.path.parent
        if folder not in config_of:
            found = find_pyproject_settings(source.path, parsed)
            config_of[folder] = found[0] if found else None
        key = config_of[folder]
        if key not in groups:
            groups[key] = (load(source.path), [])
        groups[key][1].append(source)
    return list(groups.values())


def without_excluded(
    files: list[SourceFile], settings: Settings, named: set[str], force_exclude: bool
) -> list[SourceFile]:
    """A group's files less its own ``exclude`` patterns; a file named on the command line
    stays unless ``force_exclude`` (discovery applied no settings before the grouping)."""
    return [f for f in files if not settings.is_excluded(f.path) or (f.display in named and not force_exclude)]


def merge_runs(results: list[RunResult]) -> RunResult:
    merged = RunResult()
    for result in results:
        merged.diagnostics.extend(result.diagnostics)
        merged.files_checked += result.files_checked
        merged.cache_hits += result.cache_hits
        merged.errors.extend(result.errors)
        merged.warnings.extend(w for w in result.warnings if w not in merged.warnings)
    merged.diagnostics.sort(key=Diagnostic.sort_key)
    return merged
