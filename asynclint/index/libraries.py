"""Library knowledge from source: summaries of installed packages and the standard library.

Why it has this shape:

- **Never imported.** ``importlib.import_module`` runs the library, and even
  ``importlib.util.find_spec("a.b")`` imports ``a``. A linter must not execute what it reads,
  so modules are found by walking the search path by hand: the standard library folder, then
  the environment's site-packages, the way ``sys.path`` orders them.
- **Source, not stubs.** A ``.py`` is what runs; a ``.pyi`` next to it describes a typed
  interface that may lag the code and has no bodies to infer ``return Client(...)`` from. A
  module with only a stub or a compiled extension has no source: unknown, and rules stay
  silent (the hand-written tables in ``semantics/tables.py`` cover what matters there).
- **Which environment.** Decided above this layer (``config.library_environment``): the
  interpreter asynclint runs in, unless it is not the project's own and the project has a
  virtual environment of its own in its folder; ``asynclint config`` says which.
- **Bounded.** Only modules that resolution actually reaches are summarised (the index's
  depth limit applies); packages whose test-time behaviour asynclint models itself (pytest,
  mock, ...) are never read (``tables.MODELLED_PACKAGES``).
- **Owned by the run.** The run state holds one :class:`LibraryStore` (the cache folder
  and one :class:`LibrarySummaries` per environment) and hands it to each project index;
  worker processes get the folder as data. Nothing is kept at module level.
- **Cached as data.** A summary is stored as JSON in the result cache folder, keyed by the
  distribution's name and version (a file's mtime and size for the standard library and
  files no distribution owns) plus the code that summarises: a cold run reads it back
  instead of parsing the library again. Entries are validated field by field; anything
  unexpected is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import site as site_module
import sysconfig
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from asynclint import __version__
from asynclint.index.summary import ClassFacts, FunctionFacts, ModuleSummary, summarize

# Sub-folder of the result cache folder holding library summaries.
CACHE_SUBDIR = "libraries-v1"
# Top-level names never read from source: their behaviour under pytest is what asynclint's
# own models (marks, fixtures, mocks, patchers) describe, not what their code says.
MODELLED_PACKAGES = frozenset(
    {"pytest", "_pytest", "pluggy", "pytest_asyncio", "pytest_mock", "mock", "unittest", "typing", "typing_extensions"}
)
_VENV_NAMES = (".venv", "venv", "env")
_EXTENSION_SUFFIXES = (".so", ".pyd")


@dataclass(frozen=True)
class LibraryEnvironment:
    """Where library source is looked for, in ``sys.path`` order, and why there."""

    stdlib: Path | None
    site_dirs: tuple[Path, ...]
    origin: str

    @property
    def roots(self) -> tuple[Path, ...]:
        return ((self.stdlib,) if self.stdlib is not None else ()) + self.site_dirs


def _running_site_dirs() -> tuple[Path, ...]:
    """The environment's own site-packages first, then those ``site`` adds after them: a
    virtual environment made with ``--system-site-packages`` imports the base interpreter's
    packages too, so their source is what its tests run against."""
    paths = sysconfig.get_paths()
    found = [Path(paths[key]) for key in ("purelib", "platlib") if paths.get(key)]
    getsitepackages = getattr(site_module, "getsitepackages", None)  # absent in old virtualenv's site.py
    if getsitepackages is not None:
        found += [Path(p) for p in getsitepackages()]
    return tuple(dict.fromkeys(p for p in found if p.is_dir()))


def _project_venv_site_dirs(root: Path) -> tuple[Path, Path] | None:
    """(venv folder, its site-packages) of a virtual environment in the project folder."""
    for name in _VENV_NAMES:
        venv = root / name
        if not (venv / "pyvenv.cfg").is_file():
            continue
        candidates = sorted((venv / "lib").glob("python3*/site-packages")) + [venv / "Lib" / "site-packages"]
        for site in candidates:
            if site.is_dir():
                return venv, site
    return None


def project_venv(root: Path) -> tuple[Path, Path] | None:
    """(venv folder, its site-packages) of a virtual environment in the project folder."""
    return _project_venv_site_dirs(root)


def running_site_dirs() -> tuple[Path, ...]:
    """site-packages of the interpreter asynclint runs in."""
    return _running_site_dirs()


# --------------------------------------------------------------------------- finding modules
def _is_extension(folder: Path, name: str) -> bool:
    try:
        return any(entry.startswith(name + ".") and entry.endswith(_EXTENSION_SUFFIXES) for entry in os.listdir(folder))
    except OSError:
        return False


def _child(folders: list[Path], part: str) -> tuple[Path | None, list[Path], bool]:
    """In package folders ``folders``: (module file, sub-package folders, stop) for ``part``."""
    portions: list[Path] = []
    for folder in folders:
        package = folder / part
        if (package / "__init__.py").is_file():
            return package / "__init__.py", [package], False
        if (folder / f"{part}.py").is_file():
            return folder / f"{part}.py", [], False
        if _is_extension(folder, part) or (package / "__init__.pyi").is_file() or (folder / f"{part}.pyi").is_file():
            return None, [], True  # compiled or stub only: no source to read
        if package.is_dir():
            portions.append(package)  # a namespace package portion
    return None, portions, False


class LibraryFinder:
    """Module name -> source file in one environment, found without importing anything."""

    def __init__(self, env: LibraryEnvironment) -> None:
        self.env = env
        self._found: dict[str, tuple[Path, bool] | None] = {}

    def find(self, name: str) -> tuple[Path, bool] | None:
        """(file, is_package) of module ``name``; None when absent, compiled or not source."""
        if not name or name.split(".", 1)[0] in MODELLED_PACKAGES:
            return None
        if name not in self._found:
            self._found[name] = self._walk(name.split("."))
        return self._found[name]

    def _walk(self, parts: list[str]) -> tuple[Path, bool] | None:
        folders = list(self.env.roots)
        found: Path | None = None
        for part in parts:
            if found is not None and found.name != "__init__.py":
                return None  # ``module.attr`` is not a module
            found, folders, stop = _child(folders, part)
            if stop or (found is None and not folders):
                return None
        if found is None:
            return None
        return found, found.name == "__init__.py"


# --------------------------------------------------------------------------- versions
def _distributions(site: Path) -> dict[str, str]:
    """Top-level module name -> "name==version" for the distributions installed in ``site``
    (from their ``*.dist-info`` RECORD / top_level.txt: metadata only, nothing imported)."""
    owners: dict[str, str] = {}
    try:
        entries = sorted(os.listdir(site))
    except OSError:
        return owners
    for entry in entries:
        if not entry.endswith(".dist-info"):
            continue
        stem = entry[: -len(".dist-info")]
        name, _, version = stem.partition("-")
        info = site / entry
        tops: set[str] = set()
        try:
            top_level = (info / "top_level.txt").read_text(encoding="utf-8", errors="replace")
            tops = {line.strip() for line in top_level.splitlines() if line.strip()}
        except OSError:
            try:
                record = (info / "RECORD").read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for line in record.splitlines():
                first = line.split(",", 1)[0].split("/", 1)[0]
                if first and not first.endswith((".dist-info", ".data")) and first != "..":
                    tops.add(first[:-3] if first.endswith(".py") else first)
        for top in tops:
            owners.setdefault(top, f"{name}=={version}")
    return owners


def stamp(env: LibraryEnvironment, path: Path, module: str, owners: dict[Path, dict[str, str]]) -> str:
    """What a library file's summary depends on: its distribution and version when a
    distribution in site-packages owns it, else the file's mtime and size. ``owners`` is the
    caller's memo of each site folder's distributions (read once per run)."""
    top = module.split(".", 1)[0]
    for site in env.site_dirs:
        if site in path.parents:
            if site not in owners:
                owners[site] = _distributions(site)
            owner = owners[site].get(top)
            if owner is not None:
                return f"dist:{owner}"
    try:
        info = path.stat()
    except OSError:
        return "missing"
    return f"file:{info.st_mtime_ns}:{info.st_size}"


# --------------------------------------------------------------------------- summaries
@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """The code that makes a summary: a changed summariser must not reuse old summaries.
    Cached per process: a pure function of asynclint's own installed files."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    here = Path(__file__).resolve().parent
    for name in ("summary.py", "libraries.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, bool)):
        return value
    raise TypeError(f"cannot store {type(value).__name__}")


def _expect(condition: bool) -> None:
    if not condition:
        raise ValueError("unexpected cache content")


def _decode_as(annotation: str, value: Any) -> Any:
    """``value`` checked against a field annotation of summary.py (as written)."""
    if annotation.endswith(" | None"):
        return None if value is None else _decode_as(annotation[: -len(" | None")], value)
    if annotation in ("str", "int", "bool"):
        _expect(type(value) is {"str": str, "int": int, "bool": bool}[annotation])
        return value
    if annotation == "tuple[str, ...]":
        _expect(type(value) is list and all(type(v) is str for v in value))
        return tuple(value)
    if annotation == "tuple[int, int, str]":
        _expect(type(value) is list and [type(v) for v in value] == [int, int, str])
        return tuple(value)
    if annotation.startswith("dict[str, ") and annotation.endswith("]"):
        _expect(type(value) is dict)
        inner = annotation[len("dict[str, ") : -1]
        return {k: _decode_as(inner, v) for k, v in value.items()}
    dataclass_type = {"FunctionFacts": FunctionFacts, "ClassFacts": ClassFacts}.get(annotation)
    _expect(dataclass_type is not None)
    return _decode_dataclass(dataclass_type, value)  # type: ignore[arg-type]


def _decode_dataclass(cls: type, value: Any) -> Any:
    fields = dataclasses.fields(cls)
    _expect(type(value) is dict and value.keys() == {f.name for f in fields})
    return cls(**{f.name: _decode_as(str(f.type), value[f.name]) for f in fields})


class LibrarySummaries:
    """Library summaries of one environment: in memory per process, on disk per version."""

    def __init__(self, env: LibraryEnvironment, cache_folder: Path | None = None) -> None:
        self.env = env
        self.finder = LibraryFinder(env)
        self.cache_folder = cache_folder  # the result cache folder (None: no cache)
        self._loaded: dict[Path, ModuleSummary] = {}
        self._owners: dict[Path, dict[str, str]] = {}

    def stamp(self, path: Path, module: str) -> str:
        """The distribution and version (or file stamp) a summary of ``path`` rests on."""
        return stamp(self.env, path, module, self._owners)

    def summary(self, path: Path, module: str, is_package: bool) -> ModuleSummary:
        found = self._loaded.get(path)
        if found is None:
            found = self._loaded[path] = self._read(path, module, is_package)
        return found

    def _read(self, path: Path, module: str, is_package: bool) -> ModuleSummary:
        folder = self.cache_folder
        entry: Path | None = None
        key = f"{_code_fingerprint()}\0{self.stamp(path, module)}\0{module}\0{is_package}\0{path}"
        if folder is not None:
            entry = folder / CACHE_SUBDIR / f"{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}.json"
            cached = _load(entry, key)
            if cached is not None:
                return cached
        try:
            source = path.read_bytes()
        except OSError:
            return ModuleSummary(path=str(path), module=module, is_package=is_package)
        summary = summarize(source, str(path), module, is_package)
        if entry is not None:
            _store(entry, key, summary)
        return summary


def _load(entry: Path, key: str) -> ModuleSummary | None:
    try:
        if entry.is_symlink() or entry.stat().st_size > 16 * 1024 * 1024:
            return None
        data = json.loads(entry.read_bytes())
        _expect(type(data) is dict and data.keys() == {"key", "summary"} and data["key"] == key)
        summary = _decode_dataclass(ModuleSummary, data["summary"])
        return summary if isinstance(summary, ModuleSummary) else None
    except (OSError, ValueError, TypeError, RecursionError):
        return None


def _store(entry: Path, key: str, summary: ModuleSummary) -> None:
    """Write an entry atomically; a cache that cannot be written is simply not used."""
    try:
        body = json.dumps({"key": key, "summary": _encode(summary)}, separators=(",", ":")).encode()
        entry.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".asynclint-tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(body)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, TypeError, ValueError):
        pass


class LibraryStore:
    """The run's library knowledge: one :class:`LibrarySummaries` per environment, stored
    on disk in ``cache_folder`` (None: in memory only)."""

    def __init__(self, cache_folder: Path | None = None) -> None:
        self.cache_folder = cache_folder
        self._by_env: dict[LibraryEnvironment, LibrarySummaries] = {}

    def summaries(self, env: LibraryEnvironment) -> LibrarySummaries:
        found = self._by_env.get(env)
        if found is None:
            found = self._by_env[env] = LibrarySummaries(env, self.cache_folder)
        return found
