"""The first half of a run: group by project and answer from the result cache, without the linter.

A warm run of an unchanged suite is all cache hits, so it must not pay for importing the
linter (libcst and every rule: most of a warm run's time). This module finds what the cache
answers and which files are left (:class:`Plan`); :mod:`asynclint.engine.runner` lints the
rest. The command line imports the runner only when a plan has files left.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from asynclint.config.pytest_config import PytestProfile
from asynclint.config.settings import Settings
from asynclint.engine.cache import ResultCache, content_digest, default_cache_dir, run_key
from asynclint.engine.discovery import SourceFile
from asynclint.engine.run_state import RunState, effective_profile, project_root
from asynclint.model import Diagnostic, FileError

# A stored result names the project facts it rests on, and a fact is re-checked only when
# registered (in the module defining it). The linter's rules import those modules; a warm
# run imports no rule, so it registers them here.
from asynclint.semantics import coroutine_runners  # noqa: F401

Progress = Callable[[int, int, int], None]  # (files done, files to do, findings so far)


@dataclass
class RunResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    cache_hits: int = 0
    errors: list[FileError] = field(default_factory=list)  # files that could not be linted
    warnings: list[str] = field(default_factory=list)  # the cache turned itself off, files valid but not analysed


def enabled_for(path: Path, settings: Settings) -> frozenset[str]:
    return settings.enabled - settings.ignored_for(path)


def cache_key(settings: Settings, profile: PytestProfile, enabled: frozenset[str], root: Path) -> str:
    return run_key(settings.fingerprint(), sorted(enabled), repr(profile), str(root))


@dataclass(frozen=True)
class Task:
    path: str
    display: str
    root: str
    settings: Settings


@dataclass
class Plan:
    """What the cache answered (``outcome``) and the files left to lint (``pending``)."""

    outcome: RunResult
    pending: list[Task]
    cache: ResultCache | None
    state: RunState

    def finish(self) -> RunResult:
        """The run's result once every pending file is linted (or none was left)."""
        outcome = self.outcome
        if self.cache is not None and self.cache.warning is not None:
            outcome.warnings.append(self.cache.warning)
        outcome.diagnostics.sort(key=Diagnostic.sort_key)
        outcome.errors.sort(key=lambda e: e.path)
        return outcome


def _common_ancestor(files: list[SourceFile]) -> Path:
    if not files:
        return Path.cwd()
    common = os.path.commonpath([str(f.path.parent) for f in files])
    return Path(common)


def plan(
    files: list[SourceFile],
    settings: Settings,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    state: RunState | None = None,
) -> Plan:
    """Answer what the cache can for ``files``; ``cache_dir`` defaults to
    ``$ASYNCLINT_CACHE_DIR`` or ``./.asynclint_cache``; ``state`` is the run's state (a
    fresh one by default)."""
    state = state if state is not None else RunState()
    outcome = RunResult(files_checked=len(files))
    fallback = _common_ancestor(files)
    cache = ResultCache(cache_dir or default_cache_dir()) if use_cache else None
    if cache is not None and state.libraries.cache_folder is None:
        state.use_cache_folder(cache.library_folder())
    pending: list[Task] = []
    for source in files:
        profile = effective_profile(source.path, settings)
        root = project_root(source.path, profile, fallback)
        task = Task(str(source.path), source.display, str(root), settings)
        if cache is not None:
            hit = _cached(state, cache, task, profile)
            if hit is not None:
                outcome.diagnostics.extend(hit)
                outcome.cache_hits += 1
                continue
        pending.append(task)
    return Plan(outcome, pending, cache, state)


def _cached(state: RunState, cache: ResultCache, task: Task, profile: PytestProfile) -> list[Diagnostic] | None:
    path = Path(task.path)
    try:
        data = path.read_bytes()
        index = state.index_for(Path(task.root), profile.pythonpath, task.settings)
        enabled = enabled_for(path, task.settings)
        key = cache_key(task.settings, profile, enabled, index.root)
        return cache.get(path, content_digest(data), key, index, task.display)
    except Exception:  # noqa: BLE001 -- a miss: linting the file reports what went wrong, for that file
        return None
