"""A whole run: the cache's answer (``engine.plan``), then the rest linted in parallel.

``RunResult``, ``Task`` and ``Progress`` live in ``engine.plan`` (a warm run needs nothing
else) and are re-exported here for the callers that lint.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from asynclint.config.settings import Settings
from asynclint.engine.cache import Dependency, Digests, content_digest, dependencies
from asynclint.engine.discovery import SourceFile
from asynclint.engine.linter import FileResult, decode, lint_source
from asynclint.engine.plan import Plan, Progress, RunResult, Task, cache_key, enabled_for, plan
from asynclint.engine.run_state import RunState, effective_profile
from asynclint.model import FileError

PARALLEL_THRESHOLD = 48  # below this, process start-up costs more than it saves


@dataclass
class TaskOutcome:
    """A linted file (``result``) or why it could not be linted (``error``)."""

    path: str
    display: str
    result: FileResult | None = None
    error: str | None = None
    digest: str = ""
    key: str = ""
    deps: tuple[Dependency, ...] = ()


def unreadable(exc: OSError) -> str:
    """One line for a linted file that cannot be read (permissions, deleted, a folder): the OS's words."""
    return f"cannot read the file: {exc.strerror or exc}"


def internal_error(exc: BaseException) -> str:
    """One line for a failure while linting (a bug in asynclint, recursion, memory): the exception."""
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return f"internal error: {type(exc).__name__}" + (f": {detail}" if detail else "")


def lint_task(task: Task, state: RunState, digests: Digests | None = None) -> TaskOutcome:
    """Lint one file (in a worker or in-process); a failure is this file's outcome, never the run's."""
    path = Path(task.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return TaskOutcome(task.path, task.display, error=unreadable(exc))
    try:
        profile = effective_profile(path, task.settings)
        index = state.index_for(Path(task.root), profile.pythonpath, task.settings)
        enabled = enabled_for(path, task.settings)
        index.begin_file()
        result = lint_source(
            decode(data),
            path,
            task.display,
            profile,
            index,
            enabled,
            raw=data,
            max_size=task.settings.max_file_size,
        )
        deps = dependencies(index, digests or Digests())
        key = cache_key(task.settings, profile, enabled, index.root)
    except Exception as exc:  # noqa: BLE001 -- RecursionError, MemoryError too: this file fails
        return TaskOutcome(task.path, task.display, error=internal_error(exc))
    return TaskOutcome(task.path, task.display, result, None, content_digest(data), key, deps)


def _lint_chunk(
    tasks: list[Task], state: RunState | None = None, library_cache: Path | None = None
) -> list[TaskOutcome]:
    """Lint ``tasks`` with the run's state (in-process) or, in a worker process, a state of
    its own: the worker was started for this run, so its config readers are fresh; it is
    handed the run's library cache folder."""
    state = state if state is not None else RunState(fresh_configs=False, library_cache=library_cache)
    digests = Digests()  # the files a chunk's lints consulted are read once per chunk
    return [lint_task(t, state, digests) for t in tasks]


def run(
    files: list[SourceFile],
    settings: Settings,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    state: RunState | None = None,
) -> RunResult:
    """Lint ``files``; ``cache_dir`` defaults to ``$ASYNCLINT_CACHE_DIR`` or ``./.asynclint_cache``;
    ``progress(done, total, findings)`` hears of each file as it is done. ``state`` is the
    run's state (a fresh one by default; ``--fix`` passes its own to reuse the indexes)."""
    return complete(plan(files, settings, use_cache, cache_dir, state), jobs, progress)


def complete(planned: Plan, jobs: int | None = None, progress: Progress | None = None) -> RunResult:
    """Lint the files a plan has left, store their results, and return the whole run's."""
    outcome, cache = planned.outcome, planned.cache
    finished = outcome.files_checked - len(planned.pending)
    for done in _execute(planned.pending, jobs, planned.state):
        if done.result is None:
            outcome.errors.append(FileError(done.display, done.error or "internal error"))
            continue
        outcome.diagnostics.extend(done.result.diagnostics)
        outcome.warnings.extend(done.result.warnings)
        finished += 1
        if progress is not None:
            progress(finished, outcome.files_checked, len(outcome.diagnostics))
        if cache is not None:
            cache.put(Path(done.path), done.digest, done.key, done.deps, done.result.diagnostics)
    return planned.finish()


def _execute(tasks: list[Task], jobs: int | None, state: RunState) -> Iterator[TaskOutcome]:
    """Outcomes as they come (for progress), in a deterministic order."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(tasks) < PARALLEL_THRESHOLD:
        yield from _lint_chunk(tasks, state)
        return
    # Keep a project's files together so each worker reuses its index summaries.
    ordered = sorted(tasks, key=lambda t: (t.root, t.path))
    size = max(8, len(ordered) // (workers * 4))
    chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    lost: list[list[Task]] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: list[tuple[list[Task], Future[list[TaskOutcome]]]] = [
            (chunk, pool.submit(_lint_chunk, chunk, None, state.libraries.cache_folder)) for chunk in chunks
        ]
        for chunk, future in futures:
            try:
                yield from future.result()
            except Exception:  # noqa: BLE001 -- a worker died (killed, out of memory, a crash in native code)
                lost.append(chunk)
    for chunk in lost:
        yield from _isolate(chunk, state.libraries.cache_folder)


def _isolate(tasks: list[Task], library_cache: Path | None) -> list[TaskOutcome]:
    """Re-run the files of a dead worker in a fresh process, halving the batch until the file
    that kills its process is alone: that file is reported, every other one is linted."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(_lint_chunk, tasks, None, library_cache).result()
    except Exception as exc:  # noqa: BLE001 -- the process died: narrow down to the file
        if len(tasks) == 1:
            died = f"internal error: the worker process linting it died ({type(exc).__name__})"
            return [TaskOutcome(tasks[0].path, tasks[0].display, error=died)]
        middle = len(tasks) // 2
        return _isolate(tasks[:middle], library_cache) + _isolate(tasks[middle:], library_cache)
