"""Who else runs coroutine tests: conftest hooks and plugins, found through the index.

pytest-asyncio's strict mode is only half the story: a conftest that
implements ``pytest_pyfunc_call`` or a framework plugin named in
``pytest_plugins`` may run unmarked coroutine tests itself. When asynclint
cannot tell, it assumes they might, and ASL101 stays silent.
"""

from __future__ import annotations

from pathlib import Path

from asynclint.config.pytest_config import PytestProfile
from asynclint.config.versions import versions_for_index
from asynclint.index.project import ProjectIndex
from asynclint.index.summary import ModuleSummary
from asynclint.rules.base import RunnerContext
from asynclint.semantics import tables


def conftest_chain(path: Path, index: ProjectIndex) -> list[Path]:
    return index.conftest_chain(path)


def _plugin_runs_coroutines(name: str, index: ProjectIndex, depth: int = 0) -> str | None:
    if name in tables.COROUTINE_RUNNER_PLUGINS:
        return f"plugin {name} runs coroutine tests"
    if name in tables.NON_RUNNER_PLUGINS or name.startswith("no:"):
        return None
    summary = index.summary(name)
    if summary is None:
        return f"plugin {name} is unknown to asynclint"
    if summary.runs_coroutines:
        return f"plugin {name} implements a test-running hook"
    if depth < 3:
        for inner in summary.pytest_plugins:
            reason = _plugin_runs_coroutines(inner, index, depth + 1)
            if reason:
                return reason
    return None


def _late_marks_too_late(index: ProjectIndex) -> bool:
    """pytest-asyncio 0.23 and later decide at collection: marks added afterwards do nothing."""
    return versions_for_index(index).asyncio_at_least(0, 23)


def _autouse_anyio(summary: ModuleSummary) -> bool:
    return any(f.autouse and "anyio_backend" in f.params for f in summary.functions.values())


def runner_context(
    path: Path, own: ModuleSummary, index: ProjectIndex, profile: PytestProfile
) -> RunnerContext:
    summaries = [index.summary_for_path(p) for p in conftest_chain(path, index)]
    if path.name == "conftest.py":
        summaries.append(own)
    plugins: list[str] = list(profile.plugins)
    for summary in summaries:
        if summary.runs_coroutines:
            return RunnerContext(f"{Path(summary.path).name} implements a test-running hook")
        if summary.adds_asyncio_marks and not _late_marks_too_late(index):
            return RunnerContext(f"{Path(summary.path).name} adds asyncio marks (honoured before pytest-asyncio 0.23)")
        plugins.extend(summary.pytest_plugins)
    plugins.extend(own.pytest_plugins)
    for plugin in plugins:
        reason = _plugin_runs_coroutines(plugin, index)
        if reason:
            return RunnerContext(reason)
    anyio = any(_autouse_anyio(s) for s in (*summaries, own))
    return RunnerContext(None, anyio_backend_autouse=anyio)
