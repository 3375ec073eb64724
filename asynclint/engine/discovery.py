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


def is_lintable(path: Path, walked: Path | None = None) -> bool:
    """A test module or a conftest.py, per the pytest config governing ``path``.

    ``walked`` is the folder the user named. When it holds the whole project (its rootdir
    or a folder above it) and the config sets ``testpaths``, only what pytest collects when
    run from the rootdir counts: files under the test paths and the conftest.py files on
    the way to them. A library module named ``test_utils.py`` is then not a test.
    """
    profile = load_profile(path)
    resolved = path.resolve()
    roots = profile.test_roots() if profile.testpaths else ()
    if roots and walked is not None and profile.rootdir is not None:
        rootdir = profile.rootdir.resolve()
        if walked == rootdir or walked in rootdir.parents:
            if path.name == "conftest.py":
                return any(resolved.parent == r or resolved.parent in r.parents or r in resolved.parents for r in roots)
            return any(r in resolved.parents for r in roots)
    if path.name == "conftest.py" or profile.is_test_file(path):
        return True
    return any(r in resolved.parents for r in roots)


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
        walked = root.resolve()
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not is_skipped_dir(dirpath, d))
            for filename in sorted(filenames):
                if not filename.endswith(".py"):
                    continue
                full = Path(dirpath, filename)
                if is_lintable(full, walked):
                    display = os.path.normpath(os.path.join(dirpath, filename))
                    found.setdefault(full.resolve(), SourceFile(full.resolve(), display))
    return sorted(found.values(), key=lambda f: f.display)
