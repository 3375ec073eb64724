"""Which files a run lints, found the way pytest would collect them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from asynclint.config.pytest_config import load_profile

SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", "__pycache__", ".tox", ".nox", "build", "dist",
     "site-packages", ".venv", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".asynclint_cache",
     ".eggs"}
)


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute
    display: str  # as the user named it, joined with the relative location


def is_lintable(path: Path) -> bool:
    """A test module or a conftest.py, per the pytest config governing ``path``."""
    if path.name == "conftest.py":
        return True
    profile = load_profile(path)
    if profile.is_test_file(path):
        return True
    if profile.rootdir is None or not profile.testpaths:
        return False
    resolved = path.resolve()
    return any(
        (profile.rootdir / folder).resolve() in resolved.parents for folder in profile.testpaths
    )


def is_skipped_dir(dirpath: str, name: str) -> bool:
    """Folders no linted (or scanned) file comes from: VCS, caches, builds, virtual environments."""
    if name in SKIPPED_DIRS or name.endswith(".egg-info"):
        return True
    return os.path.isfile(os.path.join(dirpath, name, "pyvenv.cfg"))


def discover(paths: list[str]) -> list[SourceFile]:
    """Files to lint under ``paths``; a file named explicitly is always linted."""
    found: dict[Path, SourceFile] = {}
    for given in paths:
        root = Path(given)
        if root.is_file():
            found.setdefault(root.resolve(), SourceFile(root.resolve(), given))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not is_skipped_dir(dirpath, d))
            for filename in sorted(filenames):
                if not filename.endswith(".py"):
                    continue
                full = Path(dirpath, filename)
                if is_lintable(full):
                    display = os.path.normpath(os.path.join(dirpath, filename))
                    found.setdefault(full.resolve(), SourceFile(full.resolve(), display))
    return sorted(found.values(), key=lambda f: f.display)
