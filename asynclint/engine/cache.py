"""Per-file result cache: a warm run re-lints only what changed.

An entry is valid when the file's bytes, the tool version, the settings, the
pytest profile and every project file the lint consulted (imports followed,
conftests read) are unchanged. Diagnostics are stored without their display
path, which depends on how the user named the file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from asynclint import __version__
from asynclint.model import Diagnostic

CACHE_DIR_NAME = ".asynclint_cache"


@dataclass
class Entry:
    digest: str
    key: str
    deps: dict[str, tuple[str | None, int, int]]
    diagnostics: list[Diagnostic]


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _stat(path: str | None) -> tuple[int, int]:
    if path is None:
        return (0, 0)
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


def snapshot(consulted: dict[str, str | None]) -> dict[str, tuple[str | None, int, int]]:
    return {name: (path, *_stat(path)) for name, path in consulted.items()}


def deps_unchanged(deps: dict[str, tuple[str | None, int, int]], find_module) -> bool:
    for name, (path, mtime, size) in deps.items():
        if not name.startswith("@"):
            found = find_module(name)
            if (str(found) if found else None) != path:
                return False
        if _stat(path) != (mtime, size):
            return False
    return True


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The version plus the size and mtime of every asynclint module: an edited or reinstalled
    asynclint with an unchanged version number must not reuse results of the old code."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__]
    for module in sorted(package.rglob("*.py")):
        st = module.stat()
        parts.append(f"{module.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}")
    return content_digest("\n".join(parts).encode())


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.file = folder / f"results-{__version__}.pickle"
        self.entries: dict[str, Entry] = {}
        self.dirty = False
        try:
            with open(self.file, "rb") as handle:
                stored = pickle.load(handle)
            if isinstance(stored, dict) and stored.get("tool") == tool_fingerprint():
                self.entries = stored["entries"]
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, KeyError):
            self.entries = {}

    def get(self, path: Path, digest: str, key: str, find_module, display: str) -> list[Diagnostic] | None:
        entry = self.entries.get(str(path))
        if entry is None or entry.digest != digest or entry.key != key:
            return None
        if not deps_unchanged(entry.deps, find_module):
            return None
        return [replace(d, path=display) for d in entry.diagnostics]

    def put(self, path: Path, digest: str, key: str, deps, diagnostics: list[Diagnostic]) -> None:
        stored = [replace(d, path="") for d in diagnostics]
        self.entries[str(path)] = Entry(digest, key, deps, stored)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.file.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n")
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(
                    {"tool": tool_fingerprint(), "entries": self.entries}, handle, protocol=pickle.HIGHEST_PROTOCOL
                )
            os.replace(tmp, self.file)
        except OSError:
            pass  # a read-only tree still lints; it only loses the cache
