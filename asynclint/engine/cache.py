"""Per-file result cache: a warm run re-lints only what changed, and never trusts what it reads.

Why it has this shape:

- **Data only.** A cache folder can be committed to a repository (force-added past its
  ``.gitignore``), so reading it must never run code: entries are JSON, never pickle.
- **Validated, never trusted.** Each entry carries a checksum of its body and is decoded field
  by field (types, shapes, digests, rule codes). Anything unexpected is a miss: the file is
  linted again and the entry rewritten. A corrupted cache costs time, never correctness.
- **Exact keys.** An entry is valid when the linted file's bytes, the tool and run key (tool
  code, settings, pytest profile, versions), and everything the lint consulted are unchanged:
  files by content digest (size and mtime survive ``cp -p``, ``rsync -t`` and checkouts, so
  they are never trusted), module names by what they resolve to now, and project facts by
  their current value. Files are re-read and hashed once per run (``Digests``).
- **Safe under concurrency.** One file per linted file, named by a hash of its path, written
  to a temporary file and moved into place with ``os.replace``: concurrent asynclint processes
  never tear a file and never lose each other's entries (two writers of the same entry each
  write a complete, valid result).
- **Degrades, never fails.** A folder that cannot be written (read-only, disk full) turns
  the cache off for the run with one warning; a folder that is not an asynclint cache is
  left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from asynclint import __version__
from asynclint.catalogue import by_code
from asynclint.index.project import ProjectIndex
from asynclint.model import (
    Applicability,
    Diagnostic,
    Edit,
    Fix,
    ImportRequest,
    Position,
    Span,
)

CACHE_DIR_NAME = ".asynclint_cache"
ENV_CACHE_DIR = "ASYNCLINT_CACHE_DIR"
SCHEMA = 1
_HEADER = f"asynclint-cache/{SCHEMA} "
_ENTRIES = f"v{SCHEMA}"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by asynclint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
_TMP_PREFIX = ".asynclint-tmp-"
# What a folder written by asynclint before the tag existed may hold (the pickle era).
_LEGACY_PICKLE = "results-"
# Names an untagged folder may hold and still be asynclint's: one interrupted before its
# tag was written, or one the pickle-era asynclint wrote.
_OWN_NAMES = frozenset({".gitignore", _ENTRIES})
_OWN_PREFIXES = (_LEGACY_PICKLE, ".tmp-", _TMP_PREFIX)

# Larger entries are not read (a miss).
MAX_ENTRY_BYTES = 64 * 1024 * 1024

# The three kinds of things a lint consults; see ``Dependency``.
MODULE, FILE, FACT = "module", "file", "fact"


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The version plus the bytes of every asynclint module: an edited or reinstalled
    asynclint with an unchanged version number must not reuse results of the old code."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for module in sorted(package.rglob("*.py")):
        digest.update(str(module.relative_to(package)).encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


def run_key(*parts: object) -> str:
    """One digest for everything a result depends on besides files: tool, settings, profile."""
    text = repr((SCHEMA, tool_fingerprint(), *parts))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class Digests:
    """Content digests of files, each file read once: one instance per run (or worker chunk),
    since a file may change between runs (``--fix`` writes between its passes)."""

    def __init__(self) -> None:
        self._known: dict[str, str | None] = {}

    def of(self, path: str) -> str | None:
        """The file's digest, ``None`` when it is missing, unreadable or not a regular file
        (a FIFO must not block the run)."""
        if path not in self._known:
            try:
                self._known[path] = content_digest(_read_regular(path))
            except (OSError, ValueError):
                self._known[path] = None
        return self._known[path]


@dataclass(frozen=True)
class Dependency:
    """Something a lint consulted, with what it was then.

    ``kind`` is ``MODULE`` (``name`` a dotted module name, ``value`` the file it resolved to or
    ``None``), ``FILE`` (``name`` an absolute path, ``value`` its content digest or ``None``
    when absent) or ``FACT`` (``name`` a project fact, ``value`` its fingerprint).
    """

    kind: str
    name: str
    value: str | None


def dependencies(index: ProjectIndex, digests: Digests) -> tuple[Dependency, ...]:
    """What the index recorded for the file just linted, with current digests."""
    found: dict[tuple[str, str], Dependency] = {}
    for name, path in index.consulted.items():
        if not name.startswith("@"):
            found[(MODULE, name)] = Dependency(MODULE, name, path)
        if path is not None:
            found[(FILE, path)] = Dependency(FILE, path, digests.of(path))
    for name, value in index.facts_consulted.items():
        found[(FACT, name)] = Dependency(FACT, name, value)
    return tuple(found.values())


def _unchanged(dep: Dependency, index: ProjectIndex, digests: Digests) -> bool:
    if dep.kind == MODULE:
        found = index.find_module(dep.name)
        return (str(found) if found else None) == dep.value
    if dep.kind == FILE:
        return digests.of(dep.name) == dep.value
    return index.known_fact(dep.name) and index.fact(dep.name) == dep.value


# --------------------------------------------------------------------------- encoding


class InvalidEntry(ValueError):
    """A stored entry that is not exactly what this version writes: a miss, never an error."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise InvalidEntry(what)


def _str(value: Any, what: str) -> str:
    _check(type(value) is str, what)
    return value


def _opt_str(value: Any, what: str) -> str | None:
    return None if value is None else _str(value, what)


def _int(value: Any, what: str) -> int:
    _check(type(value) is int and value >= 0, what)  # bool is an int: excluded by ``type``
    return value


def _list(value: Any, what: str, length: int | None = None) -> list[Any]:
    _check(type(value) is list and (length is None or len(value) == length), what)
    return value


def _dict(value: Any, keys: frozenset[str], what: str) -> dict[str, Any]:
    _check(type(value) is dict and value.keys() == keys, what)
    return value


def _digest(value: Any, what: str) -> str:
    text = _str(value, what)
    _check(len(text) == 32 and all(c in "0123456789abcdef" for c in text), what)
    return text


def _span_data(span: Span) -> list[int]:
    return [span.start.line, span.start.column, span.end.line, span.end.column]


def _span(value: Any) -> Span:
    line, column, end_line, end_column = (_int(v, "span") for v in _list(value, "span", 4))
    return Span(Position(line, column), Position(end_line, end_column))


def _diagnostic_data(d: Diagnostic) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "title": d.fix.title,
            "edits": [[*_span_data(e.span), e.content] for e in d.fix.edits],
            "imports": [[r.module, r.name] for r in d.fix.imports],
            # None: the imports cannot be merged (the JSON report then offers no edits)
            "import_edits": (
                None if d.fix.import_edits is None else [[*_span_data(e.span), e.content] for e in d.fix.import_edits]
            ),
        }
    return {"code": d.code, "message": d.message, "span": _span_data(d.span), "source_line": d.source_line, "fix": fix}


_DIAGNOSTIC_KEYS = frozenset({"code", "message", "span", "source_line", "fix"})
_FIX_KEYS = frozenset({"applicability", "title", "edits", "imports", "import_edits"})
_APPLICABILITY = {a.value: a for a in Applicability}


def _edit(value: Any) -> Edit:
    *span, content = _list(value, "edit", 5)
    return Edit(_span(span), _str(content, "edit content"))


def _import(value: Any) -> ImportRequest:
    module, name = _list(value, "import", 2)
    return ImportRequest(_str(module, "import module"), _opt_str(name, "import name"))


def _fix(value: Any) -> Fix | None:
    if value is None:
        return None
    data = _dict(value, _FIX_KEYS, "fix")
    applicability = _APPLICABILITY.get(_str(data["applicability"], "applicability"))
    if applicability is None:
        raise InvalidEntry("applicability")
    return Fix(
        applicability,
        _str(data["title"], "fix title"),
        tuple(_edit(e) for e in _list(data["edits"], "edits")),
        tuple(_import(i) for i in _list(data["imports"], "imports")),
        None if data["import_edits"] is None else tuple(_edit(e) for e in _list(data["import_edits"], "import edits")),
    )


def _diagnostic(value: Any, display: str) -> Diagnostic:
    data = _dict(value, _DIAGNOSTIC_KEYS, "diagnostic")
    code = _str(data["code"], "code")
    rule = by_code().get(code)
    if rule is None:
        raise InvalidEntry("unknown rule code")
    return Diagnostic(
        code=code,
        name=rule.name,
        message=_str(data["message"], "message"),
        path=display,
        span=_span(data["span"]),
        fix=_fix(data["fix"]),
        source_line=_str(data["source_line"], "source line"),
    )


def _dependency(value: Any) -> Dependency:
    kind, name, found = _list(value, "dependency", 3)
    _check(kind in (MODULE, FILE, FACT), "dependency kind")
    if kind == FILE:
        return Dependency(kind, _str(name, "path"), None if found is None else _digest(found, "file digest"))
    if kind == FACT:
        return Dependency(kind, _str(name, "fact"), _str(found, "fact value"))
    return Dependency(kind, _str(name, "module"), _opt_str(found, "module path"))


_ENTRY_KEYS = frozenset({"path", "digest", "key", "deps", "diagnostics"})


@dataclass(frozen=True)
class Entry:
    """One linted file's stored result (diagnostics without their display path)."""

    path: str
    digest: str
    key: str
    deps: tuple[Dependency, ...]
    diagnostics: tuple[dict[str, Any], ...]  # decoded only on a hit, for the display path

    def encode(self) -> bytes:
        body = json.dumps(
            {
                "path": self.path,
                "digest": self.digest,
                "key": self.key,
                "deps": [[d.kind, d.name, d.value] for d in self.deps],
                "diagnostics": list(self.diagnostics),
            },
            separators=(",", ":"),
        ).encode()
        return f"{_HEADER}{content_digest(body)}\n".encode() + body

    @staticmethod
    def decode(raw: bytes) -> Entry:
        header, newline, body = raw.partition(b"\n")
        _check(newline == b"\n" and header == f"{_HEADER}{content_digest(body)}".encode(), "checksum")
        try:
            value = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise InvalidEntry("not JSON") from exc
        data = _dict(value, _ENTRY_KEYS, "entry")
        return Entry(
            _str(data["path"], "path"),
            _digest(data["digest"], "digest"),
            _digest(data["key"], "key"),
            tuple(_dependency(d) for d in _list(data["deps"], "deps")),
            tuple(_list(data["diagnostics"], "diagnostics")),
        )


_FACT_KEYS = frozenset({"project", "name", "tool", "inputs", "value"})


class StoredFacts:
    """Project facts kept between runs (``index.project.FactStore``), one file per project
    and fact beside the entries, validated like them: a fact is served only for the same project, fact,
    asynclint code and inputs digest, so anything a fact rests on changing recomputes it.
    Writing is best effort: a fact that cannot be stored is computed again next run."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / _ENTRIES

    def _file(self, project: str, name: str) -> Path:
        return self.folder / f"{hashlib.blake2b(repr((project, name)).encode(), digest_size=16).hexdigest()}.fact"

    def get(self, project: str, name: str, inputs: str) -> str | None:
        try:
            raw = _read_entry(self._file(project, name))
            header, newline, body = raw.partition(b"\n")
            _check(newline == b"\n" and header == f"{_HEADER}{content_digest(body)}".encode(), "checksum")
            data = _dict(json.loads(body), _FACT_KEYS, "fact")
            if (data["project"], data["name"], data["tool"], data["inputs"]) != (
                project,
                name,
                tool_fingerprint(),
                inputs,
            ):
                return None
            return _str(data["value"], "fact value")
        except (OSError, ValueError, RecursionError):  # InvalidEntry, JSON errors: recompute
            return None

    def put(self, project: str, name: str, inputs: str, value: str) -> None:
        body = json.dumps(
            {"project": project, "name": name, "tool": tool_fingerprint(), "inputs": inputs, "value": value},
            separators=(",", ":"),
        ).encode()
        try:
            self.folder.mkdir(exist_ok=True)
            _atomic_write(self._file(project, name), f"{_HEADER}{content_digest(body)}\n".encode() + body)
        except OSError:
            pass


# --------------------------------------------------------------------------- the cache


def default_cache_dir() -> Path:
    """``$ASYNCLINT_CACHE_DIR``, else ``.asynclint_cache`` in the current folder."""
    return Path(os.environ.get(ENV_CACHE_DIR) or CACHE_DIR_NAME)


def _is_ours(folder: Path) -> bool:
    """Whether asynclint may use (and write into) an existing folder: one it tagged, an empty
    one, or one holding only what asynclint writes (see ``_OWN_NAMES``). Anything else
    (``--cache-dir .`` by mistake) must not get a ``.gitignore`` of ``*``."""
    tag = folder / "CACHEDIR.TAG"
    if tag.is_file():
        return "asynclint" in tag.read_text(encoding="utf-8", errors="replace")
    return all(n in _OWN_NAMES or n.startswith(_OWN_PREFIXES) for n in os.listdir(folder))


class ResultCache:
    """The entries under one cache folder; ``warning`` says why the cache turned itself off."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries = folder / _ENTRIES
        self.digests = Digests()
        self.warning: str | None = None
        self._enabled = True
        self._prepared = False
        try:
            if folder.is_dir() and not _is_ours(folder):
                self._disable(f"{folder} is not an asynclint cache folder (no asynclint CACHEDIR.TAG)")
        except OSError as exc:
            self._disable(f"cannot read the cache folder {folder}: {exc.strerror}")

    def _disable(self, why: str) -> None:
        self._enabled = False
        self.warning = f"{why}; running without the result cache"

    def _entry_file(self, path: Path) -> Path:
        return self.entries / f"{hashlib.blake2b(str(path).encode(), digest_size=16).hexdigest()}.entry"

    def get(self, path: Path, digest: str, key: str, index: ProjectIndex, display: str) -> list[Diagnostic] | None:
        """The stored result for ``path``, or ``None`` when absent, stale or invalid."""
        if not self._enabled:
            return None
        try:
            entry = Entry.decode(_read_entry(self._entry_file(path)))
            if entry.path != str(path) or entry.digest != digest or entry.key != key:
                return None
            if not all(_unchanged(dep, index, self.digests) for dep in entry.deps):
                return None
            return [_diagnostic(d, display) for d in entry.diagnostics]
        except (OSError, ValueError):  # InvalidEntry, or a crafted path Python refuses
            return None

    def put(
        self, path: Path, digest: str, key: str, deps: tuple[Dependency, ...], diagnostics: list[Diagnostic]
    ) -> None:
        """Store a result; the first write that fails turns the cache off (one warning)."""
        if not self._enabled:
            return
        entry = Entry(str(path), digest, key, deps, tuple(_diagnostic_data(d) for d in diagnostics))
        try:
            self._prepare()
            _atomic_write(self._entry_file(path), entry.encode())
        except OSError as exc:
            self._disable(f"cannot write the result cache in {self.folder}: {exc.strerror or exc}")

    def library_folder(self) -> Path | None:
        """The prepared cache folder, for library summaries (``index/libraries.py``) to be
        stored beside the results; None when the cache is off."""
        if self._enabled:
            try:
                self._prepare()
                return self.folder
            except OSError as exc:
                self._disable(f"cannot write the result cache in {self.folder}: {exc.strerror or exc}")
        return None

    def _prepare(self) -> None:
        """Create the folder, marked as a cache (``CACHEDIR.TAG``) and ignored by git."""
        if self._prepared:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in os.listdir(self.folder):
            if name.startswith(_LEGACY_PICKLE):  # pickles from before: never read, so remove
                (self.folder / name).unlink(missing_ok=True)
        for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "*\n")):
            if not (self.folder / name).is_file():
                _atomic_write(self.folder / name, text.encode())
        self.entries.mkdir(exist_ok=True)
        self._prepared = True


def _read_regular(path: str | Path, follow: bool = True, limit: int | None = None) -> bytes:
    """The bytes of a regular file, opened without blocking (a FIFO), at most ``limit`` + 1 of
    them; anything but a regular file (or, unless ``follow``, a link) is ``InvalidEntry``."""
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow else getattr(os, "O_NOFOLLOW", 0))
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InvalidEntry("not a regular file")
        return handle.read() if limit is None else handle.read(limit + 1)


def _read_entry(file: Path) -> bytes:
    """An entry's bytes: only from a regular file, never through a link (asynclint writes
    none), and at most ``MAX_ENTRY_BYTES`` (a link to /dev/zero must not fill memory)."""
    data = _read_regular(file, follow=False, limit=MAX_ENTRY_BYTES)
    if len(data) > MAX_ENTRY_BYTES:
        raise InvalidEntry("too large")
    return data


def _atomic_write(target: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never a part (no fsync: a torn file after a
    power loss is caught by the checksum and rebuilt)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_TMP_PREFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
