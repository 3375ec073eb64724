"""Which files a run lints, found the way pytest would collect them.

pytest walks each folder it is given and, before entering a folder or collecting a
file, asks ``pytest_ignore_collect``: a conftest's ``collect_ignore`` /
``collect_ignore_glob``, ``--ignore`` / ``--ignore-glob`` from ``addopts``, folders
holding a virtual environment (unless ``--collect-in-virtualenv``), and
``norecursedirs``. Findings in files pytest never collects are about code that never
runs, so discovery applies the same checks (``_pytest/main.py``) and asynclint's own
``exclude`` setting. A path named on the command line is pytest's "initial path" and is
never skipped by these checks, unless ``force_exclude`` (``--force-exclude``, which the
pre-commit hook passes because it names every changed file) asks for them.

The walk must survive whatever a repository holds: symlink loops, dangling links, FIFOs
and unreadable folders each become one warning naming the path, and the rest is linted.
Nothing but regular files is ever opened (opening a FIFO blocks forever).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from asynclint.config import conftest_ignores, pytest_config
from asynclint.config.conftest_ignores import is_ignored_by_conftests
from asynclint.config.pytest_config import PytestProfile, load_profile
from asynclint.config.settings import Settings

# Never test sources whatever norecursedirs says: pytest itself skips __pycache__, and the
# others (and *.egg-info) are tool state: a project replacing norecursedirs still has no
# tests in .git.
_TOOL_DIRS = frozenset(
    {"__pycache__", ".git", ".hg", ".svn", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".asynclint_cache"}
)
# pytest < 8.1 recognised a virtualenv by its activate scripts, later ones by pyvenv.cfg
# (PEP 405) or conda-meta/history; a project may run either, so any of them counts.
_VENV_FILES = (("pyvenv.cfg",), ("conda-meta", "history"))
_SCRIPT_DIRS = ("bin", "Scripts")
_ACTIVATE_SCRIPTS = ("activate", "activate.csh", "activate.fish", "Activate", "Activate.bat", "Activate.ps1")

Warn = Callable[[str], None]


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute
    display: str  # as the user named it, joined with the relative location


def is_lintable(
    path: Path, walked: Path | None = None, profile: PytestProfile | None = None, resolved: Path | None = None
) -> bool:
    """A test module or a conftest.py, per the pytest config governing ``path``.

    ``walked`` is the folder the user named. When it holds the whole project (its rootdir
    or a folder above it) and the config sets ``testpaths``, only what pytest collects when
    run from the rootdir counts: files under the test paths and the conftest.py files on
    the way to them. A library module named ``test_utils.py`` is then not a test.
    ``profile`` is the one governing ``path``'s folder and ``resolved`` the resolved path,
    when the caller has them at hand (a walk resolves each folder once, not each file).
    """
    profile = profile if profile is not None else load_profile(path)
    roots = profile.test_roots() if profile.testpaths else ()
    if not roots:
        return path.name == "conftest.py" or profile.is_test_file(path)
    resolved = resolved if resolved is not None else path.resolve()
    if walked is not None and profile.rootdir is not None:
        rootdir = _resolved(profile.rootdir)
        if walked == rootdir or walked in rootdir.parents:
            if path.name == "conftest.py":
                return any(resolved.parent == r or resolved.parent in r.parents or r in resolved.parents for r in roots)
            return any(r in resolved.parents for r in roots)
    if path.name == "conftest.py" or profile.is_test_file(path):
        return True
    return any(r in resolved.parents for r in roots)


@lru_cache(maxsize=1024)
def _resolved(path: Path) -> Path:
    """A config's rootdir, resolved once per walk (``discover`` clears this with the configs)."""
    return path.resolve()


def is_virtualenv(folder: Path) -> bool:
    """Does ``folder`` hold a virtual environment (pytest's ``_in_venv``)?

    Asked for every folder of the walk: the activate scripts are only looked for when
    ``bin``/``Scripts`` exists, so an ordinary folder costs four ``stat`` calls.
    """
    base = str(folder)
    if any(os.path.isfile(os.path.join(base, *marker)) for marker in _VENV_FILES):
        return True
    for name in _SCRIPT_DIRS:
        scripts = os.path.join(base, name)
        if os.path.isdir(scripts) and any(os.path.isfile(os.path.join(scripts, s)) for s in _ACTIVATE_SCRIPTS):
            return True
    return False


def _stop(profile: PytestProfile, fallback: Path) -> Path:
    """Where conftests stop applying: pytest loads them up to its rootdir."""
    return Path(os.path.abspath(profile.rootdir)) if profile.rootdir is not None else fallback


def collection_skips(path: Path, is_dir: bool, profile: PytestProfile, fallback_root: Path) -> bool:
    """Would pytest skip ``path`` (absolute, unresolved) while walking its parent folder?

    The checks of pytest's ``pytest_ignore_collect``, with ``profile``, the configuration
    that governs the parent folder; ``fallback_root`` bounds the conftest search without
    a rootdir.
    """
    if is_dir and (path.name in _TOOL_DIRS or path.name.endswith(".egg-info")):
        return True
    if is_ignored_by_conftests(path, _stop(profile, fallback_root)) or profile.is_ignored(path):
        return True
    if is_dir:
        if not profile.collect_in_virtualenv and is_virtualenv(path):
            return True
        return profile.is_norecursedir(path)
    return False


def _named_path_skipped(path: Path, settings: Settings | None) -> bool:
    """``--force-exclude``: the skips apply to a named path and every folder above it
    (up to the rootdir, which pytest never judges), as if it had been found by walking."""
    absolute = Path(os.path.abspath(path))
    if path.is_file() and settings is not None and settings.is_excluded(absolute):
        return True
    profile = load_profile(absolute)
    stop = _stop(profile, Path(os.path.abspath(Path.cwd())))
    current = absolute
    while current != stop and current.parent != current:
        if stop not in current.parents:
            return False  # outside the project: nothing above it is pytest's to skip
        if collection_skips(current, current.is_dir(), load_profile(current.parent), stop):
            return True
        current = current.parent
    return False


def _entry_stat(path: str) -> tuple[os.stat_result | None, str | None]:
    """stat following links (as pytest does), or the reason it failed."""
    try:
        return os.stat(path), None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, "symlink loop, skipped"
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return None, "dangling symlink, skipped"
        return None, f"cannot read ({exc.strerror}), skipped"


def _walk(root: str, settings: Settings | None, warn: Warn) -> Iterator[tuple[Path, Path, str]]:
    """(absolute path, resolved path, display) of every file under ``root`` that pytest
    would look at. Each folder is resolved once; a file is resolved on its own only when it
    is a symbolic link.

    Iterative with a set of visited folders (device, inode), so a symlinked folder that
    points back up the tree is entered once and deep trees cannot exhaust the stack.
    """
    top = Path(os.path.abspath(root))
    walked = top.resolve()
    visited: set[tuple[int, int]] = set()
    stack = [(top, root)]
    while stack:
        folder, display = stack.pop()
        try:
            info = os.stat(folder)
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            warn(f"{display}: cannot read folder ({exc.strerror}), skipped")
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:
            warn(f"{display}: folder already walked through another link, skipped")
            continue
        visited.add(key)
        profile = load_profile(folder)
        real_folder = folder.resolve()
        subfolders: list[tuple[Path, str]] = []
        for entry in entries:
            full = folder / entry.name
            shown = os.path.normpath(os.path.join(display, entry.name))
            is_py = entry.name.endswith(".py")
            entry_info, problem = _entry_stat(str(full))
            if entry_info is None:
                if is_py:
                    warn(f"{shown}: {problem}")
                continue
            if stat.S_ISDIR(entry_info.st_mode):
                if not collection_skips(full, True, profile, top):
                    subfolders.append((full, shown))
            elif not is_py:
                continue
            elif not stat.S_ISREG(entry_info.st_mode):
                warn(f"{shown}: not a regular file, skipped")
            else:
                resolved = full.resolve() if entry.is_symlink() else real_folder / entry.name
                if (
                    is_lintable(full, walked, profile, resolved)
                    and not collection_skips(full, False, profile, top)
                    and (settings is None or not settings.is_excluded(full))
                ):
                    yield full, resolved, shown
        stack.extend(reversed(subfolders))


def discover(
    paths: list[str],
    settings: Settings | None = None,
    force_exclude: bool = False,
    warn: Warn | None = None,
) -> list[SourceFile]:
    """Files to lint under ``paths``.

    A file named explicitly is always linted unless ``force_exclude``; ``settings``
    supplies asynclint's ``exclude`` patterns; ``warn`` receives one line per path that
    cannot be read (the library default drops them, the command line prints them).
    """
    report: Warn = warn if warn is not None else (lambda message: None)
    # A long-lived process (tests, editors) must see edited configs and conftests.
    pytest_config.clear_cache()
    conftest_ignores.clear_cache()
    _resolved.cache_clear()
    found: dict[Path, SourceFile] = {}
    for given in paths:
        root = Path(given)
        if force_exclude and _named_path_skipped(root, settings):
            continue
        if root.is_dir():
            for _, resolved, shown in _walk(given, settings, report):
                found.setdefault(resolved, SourceFile(resolved, shown))
            continue
        info, problem = _entry_stat(given)
        if info is None:
            report(f"{given}: {problem}")
        elif not stat.S_ISREG(info.st_mode):
            report(f"{given}: not a regular file, skipped")
        else:
            found.setdefault(root.resolve(), SourceFile(root.resolve(), given))
    return sorted(found.values(), key=lambda f: f.display)
