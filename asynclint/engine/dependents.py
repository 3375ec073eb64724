"""Changed files -> the test files to lint: those changed, and those that depend on the changes.

pre-commit names the files a commit changes. A change to application code can break a
test that was not touched: ``def compute`` becoming ``async def compute`` leaves every
``compute()`` in the tests un-awaited. So with ``--dependents`` the named files are the
*changes*, and asynclint lints

- the changed files that are test files or conftest.py files (as pytest would collect them);
- every test file of the same project that imports a changed module, directly or through
  other project modules (the project index's summaries hold each module's imports);
- every test file under a changed conftest.py, or whose conftest.py files import a
  changed module: a conftest's fixtures serve the tests below it.

Each changed file's project is found from its own pytest configuration (rootdir and
``pythonpath``), so in a monorepo every sub-project is searched with its own index.
"""

from __future__ import annotations

import os
from pathlib import Path

from asynclint.config.pytest_config import load_profile
from asynclint.engine.discovery import SourceFile, discover, is_lintable
from asynclint.index.project import ProjectIndex
from asynclint.index.summary import ModuleSummary


def _module_names(summary: ModuleSummary) -> set[str]:
    """Every module a summary may import: each import target and its parent packages."""
    names: set[str] = set()
    for target in (*summary.imports.values(), *summary.star_imports, *summary.pytest_plugins):
        parts = target.split(".")
        names.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
    return names


class _Graph:
    """Project-module imports, each module summarised once (through the index)."""

    def __init__(self, index: ProjectIndex) -> None:
        self.index = index
        self._direct: dict[Path, frozenset[Path]] = {}

    def direct(self, path: Path) -> frozenset[Path]:
        found = self._direct.get(path)
        if found is None:
            summary = self.index.summary_for_path(path)
            modules = (self.index.find_module(name) for name in _module_names(summary))
            found = self._direct[path] = frozenset(m.resolve() for m in modules if m is not None)
        return found

    def reaches(self, starts: list[Path], targets: set[Path]) -> bool:
        """Does any of ``starts`` import (transitively) one of ``targets``?"""
        seen: set[Path] = set(starts)
        stack = list(starts)
        while stack:
            for module in self.direct(stack.pop()):
                if module in targets:
                    return True
                if module not in seen:
                    seen.add(module)
                    stack.append(module)
        return False


def _project(path: Path) -> tuple[Path, tuple[str, ...]]:
    """The project a file belongs to: its pytest rootdir, else the current folder."""
    profile = load_profile(path)
    if profile.rootdir is not None:
        return Path(os.path.abspath(profile.rootdir)), profile.pythonpath
    cwd = Path.cwd()
    return (cwd if cwd in path.parents else path.parent), profile.pythonpath


def _shown(folder: Path) -> str:
    """A folder as the user would name it: relative to the current folder when below it."""
    cwd = Path.cwd()
    return os.path.relpath(folder, cwd) if folder == cwd or cwd in folder.parents else str(folder)


def with_dependents(changed: list[SourceFile]) -> list[SourceFile]:
    """The test files among ``changed`` plus the test files that depend on any of them."""
    selected = {f.path: f for f in changed if is_lintable(f.path)}
    projects: dict[tuple[Path, tuple[str, ...]], set[Path]] = {}
    for source in changed:
        projects.setdefault(_project(source.path), set()).add(source.path.resolve())
    for (root, pythonpath), targets in projects.items():
        index = ProjectIndex(root, pythonpath)
        graph = _Graph(index)
        for candidate in discover([_shown(root)]):
            if candidate.path in selected:
                continue
            chain = [c.resolve() for c in index.conftest_chain(candidate.path)]
            if targets.intersection(chain) or graph.reaches([candidate.path.resolve(), *chain], targets):
                selected[candidate.path] = candidate
    return sorted(selected.values(), key=lambda f: f.display)
