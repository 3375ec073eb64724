"""A whole run: discover, group by project, consult the cache, lint in parallel, sort."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from asynclint.config.pytest_config import PytestProfile, clear_cache, load_profile
from asynclint.config import versions
from asynclint.config.settings import Settings
from asynclint.engine.cache import CACHE_DIR_NAME, ResultCache, content_digest, snapshot
from asynclint.engine import parsing
from asynclint.engine.discovery import SourceFile
from asynclint.engine.linter import FileResult, decode, lint_source
from asynclint.index.project import ProjectIndex
from asynclint.model import Diagnostic
from asynclint.rules import helpers

PARALLEL_THRESHOLD = 48  # below this, process start-up costs more than it saves
_INDEXES: dict[tuple[str, tuple[str, ...]], ProjectIndex] = {}


@dataclass
class RunResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0
    cache_hits: int = 0
    warnings: list[str] = field(default_factory=list)  # files that are valid but were not analysed


def effective_profile(path: Path, settings: Settings) -> PytestProfile:
    profile = load_profile(path)
    if settings.asyncio_mode:
        profile = profile.with_overrides(
            asyncio_mode=settings.asyncio_mode, asyncio_mode_source=settings.asyncio_mode_source
        )
    return profile


def project_root(path: Path, profile: PytestProfile, fallback: Path) -> Path:
    """The index root: the pytest config's folder, else the common ancestor of the paths."""
    if profile.rootdir is not None:
        return profile.rootdir
    return fallback


def index_for(root: Path, pythonpath: tuple[str, ...]) -> ProjectIndex:
    """One index per project and process; summaries are reused across the files it lints."""
    key = (str(root), pythonpath)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = ProjectIndex(root, pythonpath)
    return index


def forget_file(path: Path) -> None:
    """A file was rewritten: every in-process index must read it again."""
    for index in _INDEXES.values():
        index.forget(path)


def _enabled_for(path: Path, settings: Settings) -> frozenset[str]:
    return settings.enabled - settings.ignored_for(path)


def _cache_key(settings: Settings, profile: PytestProfile, enabled: frozenset[str], root: Path) -> str:
    return repr((settings.fingerprint(), sorted(enabled), repr(profile), str(root), versions.cli_override()))


@dataclass(frozen=True)
class Task:
    path: str
    display: str
    root: str
    settings: Settings


@dataclass
class TaskOutcome:
    path: str
    result: FileResult
    digest: str
    key: str
    deps: dict


def lint_task(task: Task) -> TaskOutcome:
    """Lint one file (runs in a worker or in-process)."""
    path = Path(task.path)
    profile = effective_profile(path, task.settings)
    index = index_for(Path(task.root), profile.pythonpath)
    enabled = _enabled_for(path, task.settings)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileNotFoundError(f"{task.display}: cannot read file: {exc.strerror}") from None
    index.begin_file()
    result = lint_source(
        decode(data), path, task.display, profile, index, enabled, raw=data, max_size=task.settings.max_file_size
    )
    deps = snapshot(index.consulted)
    return TaskOutcome(task.path, result, content_digest(data), _cache_key(task.settings, profile, enabled, index.root), deps)


def _lint_chunk(tasks: list[Task]) -> list[TaskOutcome]:
    return [lint_task(t) for t in tasks]


def _common_ancestor(files: list[SourceFile]) -> Path:
    if not files:
        return Path.cwd()
    common = os.path.commonpath([str(f.path.parent) for f in files])
    return Path(common)


def run(
    files: list[SourceFile],
    settings: Settings,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    jobs: int | None = None,
) -> RunResult:
    # A long-lived process (tests, editors) must see edited configs, pins and modules.
    clear_cache()
    versions.clear_cache()
    helpers.clear_cache()
    parsing.clear_cache()
    _INDEXES.clear()
    outcome = RunResult(files_checked=len(files))
    fallback = _common_ancestor(files)
    cache = ResultCache(cache_dir or Path.cwd() / CACHE_DIR_NAME) if use_cache else None
    pending: list[Task] = []
    for source in files:
        if settings.is_excluded(source.path):
            outcome.files_checked -= 1
            continue
        profile = effective_profile(source.path, settings)
        root = project_root(source.path, profile, fallback)
        task = Task(str(source.path), source.display, str(root), settings)
        if cache is not None:
            hit = _cached(cache, task, profile)
            if hit is not None:
                outcome.diagnostics.extend(hit)
                outcome.cache_hits += 1
                continue
        pending.append(task)
    for done in _execute(pending, jobs):
        outcome.diagnostics.extend(done.result.diagnostics)
        outcome.warnings.extend(done.result.warnings)
        if cache is not None:
            cache.put(Path(done.path), done.digest, done.key, done.deps, done.result.diagnostics)
    if cache is not None:
        cache.save()
    outcome.diagnostics.sort(key=Diagnostic.sort_key)
    return outcome


def _cached(cache: ResultCache, task: Task, profile: PytestProfile) -> list[Diagnostic] | None:
    path = Path(task.path)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    index = index_for(Path(task.root), profile.pythonpath)
    enabled = _enabled_for(path, task.settings)
    key = _cache_key(task.settings, profile, enabled, index.root)
    return cache.get(path, content_digest(data), key, index.find_module, task.display)


def _execute(tasks: list[Task], jobs: int | None) -> list[TaskOutcome]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(tasks) < PARALLEL_THRESHOLD:
        return [lint_task(t) for t in tasks]
    # Keep a project's files together so each worker reuses its index summaries.
    ordered = sorted(tasks, key=lambda t: (t.root, t.path))
    size = max(8, len(ordered) // (workers * 4))
    chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    results: list[TaskOutcome] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk_result in pool.map(_lint_chunk, chunks):
            results.extend(chunk_result)
    return results
