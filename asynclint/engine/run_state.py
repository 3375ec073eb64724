"""The state of one run: what it learnt about the projects it lints, and nothing global.

A run (``asynclint check``, one ``--fix`` pass, one worker's batch, an editor session)
owns one :class:`RunState`. It keeps the project indexes, and through them every answer
read from the file system about a project: module summaries, version facts, the suite's
marks, which plugin runs coroutine tests, with a declared recorder of the files each lint
consulted (``ProjectIndex.consulted``) for the result cache. When the run ends the state
is dropped, so nothing read in one run can leak into the next, and a long-lived process
that sees a file change calls :meth:`RunState.forget_file` (or starts a new state).
"""

from __future__ import annotations

from pathlib import Path

from asynclint.config import conftest_ignores, pytest_config, requires_python
from asynclint.config.library_environment import environment_for
from asynclint.config.pytest_config import PytestProfile, load_profile
from asynclint.config.settings import Settings
from asynclint.engine.cache import StoredFacts
from asynclint.index.libraries import LibraryStore
from asynclint.index.project import FactStore, ProjectIndex

IndexKey = tuple[str, tuple[str, ...], "str | None"]


def effective_profile(path: Path, settings: Settings) -> PytestProfile:
    """The pytest profile governing ``path``, with the settings' ``asyncio-mode`` override."""
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


def forget_config_files() -> None:
    """Drop what the config readers remember of pytest configs, conftest ignores and
    ``requires-python`` declarations. Those readers still keep per-process caches keyed by
    folder; a new run state calls this so a run never sees an older run's configs."""
    pytest_config.clear_cache()
    conftest_ignores.clear_cache()
    requires_python.clear_cache()


class RunState:
    """The indexes (and so the project facts) of one run, one per project and option set."""

    def __init__(self, *, fresh_configs: bool = True, library_cache: Path | None = None) -> None:
        if fresh_configs:
            forget_config_files()
        self._indexes: dict[IndexKey, ProjectIndex] = {}
        # Library summaries of the environments the projects use, stored in the result cache
        # folder when there is one (a worker process is handed the same folder).
        self.libraries = LibraryStore(library_cache)
        # Project facts kept between runs in the same folder (see ``use_cache_folder``).
        self.fact_store: FactStore | None = StoredFacts(library_cache) if library_cache is not None else None

    def use_cache_folder(self, folder: Path | None) -> None:
        """Keep library summaries and project facts in the run's result cache folder."""
        if folder is not None and self.libraries.cache_folder is None:
            self.libraries.cache_folder = folder
            self.fact_store = StoredFacts(folder)

    def index_for(self, root: Path, pythonpath: tuple[str, ...], settings: Settings | None = None) -> ProjectIndex:
        """The run's index of the project at ``root``: summaries and facts are reused across
        the files it lints. ``--pytest-asyncio-version`` (in ``settings``) is part of the key:
        it changes the project's version facts."""
        version = settings.pytest_asyncio_version if settings is not None else None
        key: IndexKey = (str(root), pythonpath, version)
        index = self._indexes.get(key)
        if index is None:
            index = self._indexes[key] = ProjectIndex(
                root,
                pythonpath,
                pytest_asyncio_version=version,
                library_summaries=self.libraries.summaries(environment_for(root.resolve())),
            )
        index.fact_store = self.fact_store
        return index

    def index_of_file(self, path: Path, settings: Settings, fallback: Path) -> tuple[PytestProfile, ProjectIndex]:
        """The profile governing ``path`` and the index of its project."""
        profile = effective_profile(path, settings)
        root = project_root(path, profile, fallback)
        return profile, self.index_for(root, profile.pythonpath, settings)

    def forget_file(self, path: Path) -> None:
        """A file was rewritten (``--fix``, an editor): every index must read it again."""
        for index in self._indexes.values():
            index.forget(path)
