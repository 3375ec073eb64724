"""Which folders of a project hold no scanned file, and the one walk of a project's files.

The index layer owns this so that discovery (which files to lint) and the project-wide
scans of semantics (which marks the suite uses) skip the same folders, and so that every
scan of a project goes through :class:`~asynclint.index.project.ProjectIndex`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        "build",
        "dist",
        "site-packages",
        ".venv",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".asynclint_cache",
        ".eggs",
    }
)


def is_skipped_dir(dirpath: str, name: str) -> bool:
    """Folders no scanned project file comes from: VCS, caches, builds, virtual environments."""
    if name in SKIPPED_DIRS or name.endswith(".egg-info"):
        return True
    return os.path.isfile(os.path.join(dirpath, name, "pyvenv.cfg"))


def walk_project(root: str) -> Iterator[tuple[str, list[str]]]:
    """(folder, file names) of every folder under ``root`` a project scan reads."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not is_skipped_dir(folder, d)]
        yield folder, files
