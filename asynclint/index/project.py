"""The project index: answers "what is ``app.service.fetch``?" across modules.

Resolution is lazy: a module is summarised the first time an import needs it,
so linting one file of a large repository reads only the modules that file
really reaches. Every module the index touched is recorded, so a cached lint
result can be invalidated when any of them changes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar, cast

from asynclint.index import libraries
from asynclint.index.summary import ClassFacts, FunctionFacts, ModuleSummary, summarize
from asynclint.index.walk import walk_project

T = TypeVar("T")

MAX_DEPTH = 12
# Facts named ``library:<module>`` record a library module a lint read: its file and version.
LIBRARY_FACT = "library:"


@dataclass(frozen=True)
class Symbol:
    """A resolved project definition."""

    kind: str  # "module" | "function" | "class" | "method" | "variable"
    qualname: str
    module: ModuleSummary
    function: FunctionFacts | None = None
    cls: ClassFacts | None = None
    value: str | None = None  # for a "variable": what it holds (ModuleSummary.variables)

    @property
    def location(self) -> str:
        line = self.function.line if self.function else (self.cls.line if self.cls else 1)
        return f"{self.module.path}:{line}"


SummaryLoader = Callable[[Path, str, bool], ModuleSummary]
ProjectFact = Callable[["ProjectIndex"], str]

# Project-wide facts (a scan of the whole project, e.g. which runner the suite uses), by name.
# A lint that reads one records its value, and the result cache recomputes it to validate a
# stored result: a file whose advice depends on other files goes stale when they change.
_FACTS: dict[str, ProjectFact] = {}
# A fact's inputs: a cheap digest of everything its computation reads (see ``project_fact``).
_INPUTS: dict[str, ProjectFact] = {}


class FactStore(Protocol):
    """Fact values kept between runs (the result cache folder), each with the digest of the
    inputs it was computed from: a warm run reads an unchanged project's facts instead of
    recomputing them."""

    def get(self, project: str, name: str, inputs: str) -> str | None: ...

    def put(self, project: str, name: str, inputs: str, value: str) -> None: ...


def project_fact(name: str, inputs: ProjectFact | None = None) -> Callable[[ProjectFact], ProjectFact]:
    """Register ``compute(index) -> str`` as the fact ``name`` (read with ``index.fact(name)``).

    The value must be a string that changes whenever the answer does: the answer itself, or
    a digest of what the scan found. ``inputs(index)``, when given, is a digest of every
    file, folder listing and environment detail ``compute`` reads, much cheaper to compute
    than the fact: with a :class:`FactStore` the value is then recomputed only when the
    inputs changed. It must cover everything ``compute`` reads, or a stale value is served.
    """

    def register(compute: ProjectFact) -> ProjectFact:
        if name in _FACTS and _FACTS[name] is not compute:
            raise ValueError(f"project fact {name!r} is registered twice")
        _FACTS[name] = compute
        if inputs is not None:
            _INPUTS[name] = inputs
        return compute

    return register


def read_summary(path: Path, module: str, is_package: bool) -> ModuleSummary:
    try:
        source = path.read_bytes()
    except OSError:
        return ModuleSummary(path=str(path), module=module, is_package=is_package)
    return summarize(source, str(path), module, is_package)


_TEST_FILE = re.compile(r"^(test_.*|.*_test)\.py$")


class ProjectIndex:
    """Module lookup and symbol resolution for one project (one pytest root)."""

    def __init__(
        self,
        root: Path,
        pythonpath: tuple[str, ...] = (),
        loader: SummaryLoader = read_summary,
        pytest_asyncio_version: str | None = None,
        library_summaries: libraries.LibrarySummaries | None = None,
    ) -> None:
        self.root = root.resolve()
        # The run's ``--pytest-asyncio-version``: an option that changes a project fact, so it
        # travels with the project's other facts (to worker processes too), never in os.environ.
        self.pytest_asyncio_version = pytest_asyncio_version
        roots = [self.root / p for p in pythonpath]
        if (self.root / "src").is_dir():
            roots.append(self.root / "src")
        roots.append(self.root)
        self.source_roots: tuple[Path, ...] = tuple(dict.fromkeys(r.resolve() for r in roots))
        self._loader = loader
        self._by_path: dict[Path, ModuleSummary] = {}
        # ``Path.resolve`` per path asked for: resolution asks the file system about every
        # component (lstat, readlink), and every symbol lookup passes through here (a tenth of
        # a cold run went to resolving the same few hundred paths again and again).
        self._resolved: dict[Path, Path] = {}
        # ``is_namespace`` per dotted name: asked for every library name resolution reaches.
        self._namespaces: dict[str, bool] = {}
        # Whether a folder exists, per folder a module lookup passed through: most names a run
        # consults (``pytest.mark``, a library's) have no folder in the project at all.
        self._folders: dict[Path, bool] = {}
        self._by_name: dict[str, Path | None] = {}
        self._facts: dict[str, str] = {}
        self._derived: dict[Hashable, object] = {}
        # Per linted file, for cache validation: module names looked up (name -> file) and
        # files read ("@path" -> path); project facts read (name -> value).
        self.consulted: dict[str, str | None] = {}
        self.facts_consulted: dict[str, str] = {}
        # Library knowledge (installed packages, the standard library) for resolution; the
        # run state hands it over, so one environment's summaries serve every project.
        self._libraries = library_summaries
        # Where fact values outlive the run (the result cache); None: computed every run.
        self.fact_store: FactStore | None = None
        # Folders pytest puts on sys.path for test modules (computed on the first lookup that
        # the source roots cannot answer; kept across edits of files already counted).
        self._basedirs: tuple[Path, ...] | None = None

    def begin_file(self) -> None:
        """Start recording what the next linted file depends on."""
        self.consulted = {}
        self.facts_consulted = {}

    def record_file(self, path: str) -> None:
        """The current file's findings depend on ``path`` (a config or dependency file read by
        a project-level answer): the result cache re-checks its content."""
        self.consulted[f"@{path}"] = path

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Project data read from the file system (version facts, the suite's marks, the
        runner answer), computed once per index, that is once per run and project, and
        dropped by :meth:`forget`. This is where such answers are kept instead of module-level
        caches, which would outlive the run. The caller records what the answer read."""
        if key not in self._derived:
            self._derived[key] = compute()
        return cast(T, self._derived[key])

    def walk(self) -> Iterator[tuple[str, list[str]]]:
        """(folder, file names) of every folder of the project a scan reads. A project-wide
        scan walks through here and is published as a project fact (:func:`project_fact`),
        so a cached result that rests on it is re-checked when any scanned file changes."""
        return walk_project(str(self.root))

    # ---------------------------------------------------------------- facts
    @staticmethod
    def known_fact(name: str) -> bool:
        return name in _FACTS or name.startswith(LIBRARY_FACT)

    def fact(self, name: str) -> str:
        """A registered project fact, computed once per index, recorded for the current file."""
        value = self._facts.get(name)
        if value is None:
            if name.startswith(LIBRARY_FACT):
                value = self._facts[name] = self._library_stamp(name[len(LIBRARY_FACT) :])
            else:
                value = self._facts[name] = self._compute_fact(name)
        self.facts_consulted[name] = value
        return value

    def _compute_fact(self, name: str) -> str:
        """The fact from the store when its inputs are unchanged, else computed (and stored).
        The inputs are read before the computation: a file changing in between leaves a
        value newer than its inputs, which the next run recomputes, never the reverse."""
        inputs, store = _INPUTS.get(name), self.fact_store
        if inputs is None or store is None:
            return _FACTS[name](self)
        digest = inputs(self)
        # Everything else an index holds that a fact might read names the stored value.
        project = repr((str(self.root), [str(r) for r in self.source_roots], self.pytest_asyncio_version))
        value = store.get(project, name, digest)
        if value is None:
            value = _FACTS[name](self)
            store.put(project, name, digest, value)
        return value

    # ---------------------------------------------------------------- modules
    def resolved(self, path: Path) -> Path:
        """``path.resolve()``, asked of the file system once per index (see ``_resolved``)."""
        found = self._resolved.get(path)
        if found is None:
            found = self._resolved[path] = path.resolve()
        return found

    def module_name(self, path: Path) -> tuple[str, bool]:
        """Dotted name of a file, relative to the deepest source root holding it."""
        path = self.resolved(path)
        is_package = path.name == "__init__.py"
        for root in sorted(self.source_roots, key=lambda r: len(r.parts), reverse=True):
            try:
                rel = path.relative_to(root)
            except ValueError:
                continue
            parts = list(rel.with_suffix("").parts)
            if is_package:
                parts = parts[:-1]
            return ".".join(parts), is_package
        return path.stem, is_package

    def summary_for_path(self, path: Path) -> ModuleSummary:
        path = self.resolved(path)
        self.consulted[f"@{path}"] = str(path)
        cached = self._by_path.get(path)
        if cached is None:
            name, is_package = self.module_name(path)
            cached = self._loader(path, name, is_package)
            self._by_path[path] = cached
        return cached

    def forget(self, path: Path) -> None:
        """Drop a file's summary: it was rewritten (by ``--fix``, an editor) and must be read
        again, and so must every project fact (any file may feed one). Module lookups that
        found it or found nothing are dropped too: the file may have been created or deleted,
        which changes what an import reaches."""
        self._resolved.clear()  # a file created or deleted may change what a path resolves to
        self._namespaces.clear()
        self._folders.clear()
        resolved = path.resolve()
        if self._basedirs is not None and (resolved.name == "conftest.py" or _TEST_FILE.match(resolved.name)):
            if not any(resolved.is_relative_to(folder) for folder in (*self._basedirs, *self.source_roots)):
                self._basedirs = None  # a test folder pytest would add is new
        self._by_path.pop(resolved, None)
        self._facts.clear()
        self._derived.clear()
        stale = [name for name, found in self._by_name.items() if found is None or found == resolved]
        for name in stale:
            del self._by_name[name]

    def find_module(self, name: str) -> Path | None:
        if not name:
            return None
        if name in self._by_name:
            found = self._by_name[name]
            self.consulted[name] = str(found) if found else None
            return found
        rel = name.replace(".", os.sep)
        found = self._first_module(self.source_roots, rel)
        if found is None:
            # pytest (``--import-mode=prepend``) puts the first folder above each test module
            # and conftest without an ``__init__.py`` on ``sys.path``: ``from helpers import x``
            # in ``tests/test_a.py``. Only a name exactly one such folder holds is taken.
            held = [
                m for m in (self._first_module((folder,), rel) for folder in self._test_basedirs()) if m is not None
            ]
            found = held[0] if len(held) == 1 else None
        self._by_name[name] = found
        self.consulted[name] = str(found) if found else None
        return found

    def _first_module(self, roots: Iterable[Path], rel: str) -> Path | None:
        """The module file ``rel`` (a dotted name as a relative path) names in the first root
        holding it, as a module or a package; a root without the enclosing folder is skipped
        without asking the file system twice."""
        parent = os.path.dirname(rel)
        for root in roots:
            if parent:
                folder = root / parent
                exists = self._folders.get(folder)
                if exists is None:
                    exists = self._folders[folder] = folder.is_dir()
                if not exists:
                    continue
            for candidate in (root / f"{rel}.py", root / rel / "__init__.py"):
                if candidate.is_file():
                    return candidate
        return None

    def _test_basedirs(self) -> tuple[Path, ...]:
        """The folders pytest's default import mode adds to ``sys.path`` for the project's test
        modules and conftests, besides the source roots (one walk per index)."""

        def compute() -> tuple[Path, ...]:
            found: set[Path] = set()
            for folder, files in self.walk():
                if not any(f == "conftest.py" or _TEST_FILE.match(f) for f in files):
                    continue
                base = Path(folder)
                while (base / "__init__.py").is_file() and base != self.root:
                    base = base.parent
                resolved = base.resolve()
                if resolved not in self.source_roots:
                    found.add(resolved)
            return tuple(sorted(found))

        if self._basedirs is None:
            self._basedirs = compute()
        return self._basedirs

    def summary(self, name: str) -> ModuleSummary | None:
        path = self.find_module(name)
        return self.summary_for_path(path) if path else None

    # ---------------------------------------------------------------- libraries
    # Only resolution (``resolve`` and what it follows) reads libraries: module lookups for
    # plugins, fixtures and dependents stay within the project.
    def _library_stamp(self, name: str) -> str:
        """What a library module is now ("" when absent): its file and version, for the cache."""
        libs = self._libraries
        found = libs.finder.find(name) if libs is not None else None
        return f"{found[0]}|{libs.stamp(found[0], name)}" if libs is not None and found else ""

    def library_summary(self, name: str) -> ModuleSummary | None:
        """The summary of an installed or standard-library module the project does not shadow."""
        top = name.partition(".")[0]
        if self.find_module(top) is not None or self.is_namespace(top):
            return None
        libs = self._libraries
        found = libs.finder.find(name) if libs is not None else None
        if libs is None or found is None:
            return None
        self.facts_consulted[f"{LIBRARY_FACT}{name}"] = self.fact(f"{LIBRARY_FACT}{name}")
        return libs.summary(found[0], name, found[1])

    def module_summary(self, name: str) -> ModuleSummary | None:
        """A project module, else a library module."""
        return self.summary(name) or self.library_summary(name)

    def conftest_chain(self, path: Path) -> list[Path]:
        """conftest.py files pytest loads for ``path``: from the project root down to its folder."""
        chain: list[Path] = []
        resolved = self.resolved(path)
        folder = resolved.parent
        while True:
            candidate = folder / "conftest.py"
            if candidate != resolved and candidate.is_file():
                chain.append(candidate)
            if folder == self.root or folder.parent == folder:
                break
            folder = folder.parent
        return list(reversed(chain))

    def is_namespace(self, name: str) -> bool:
        found = self._namespaces.get(name)
        if found is None:
            rel = name.replace(".", os.sep)
            found = self._namespaces[name] = any((root / rel).is_dir() for root in self.source_roots)
        return found

    # ---------------------------------------------------------------- symbols
    def resolve(self, qualname: str, _depth: int = 0) -> Symbol | None:
        """Resolve a dotted name to a project definition, following re-exports."""
        if _depth > MAX_DEPTH or not qualname:
            return None
        parts = qualname.split(".")
        for i in range(len(parts), 0, -1):
            summary = self.module_summary(".".join(parts[:i]))
            if summary is not None:
                return self.resolve_in_module(summary, parts[i:], _depth + 1)
        return None

    def resolve_in_module(self, summary: ModuleSummary, rest: list[str], _depth: int = 0) -> Symbol | None:
        if _depth > MAX_DEPTH:
            return None
        if not rest:
            return Symbol("module", summary.module, summary)
        name, tail = rest[0], rest[1:]
        qual = f"{summary.module}.{name}"
        if name in summary.functions:
            if tail:
                return None
            return Symbol("function", qual, summary, function=summary.functions[name])
        if name in summary.classes:
            cls = summary.classes[name]
            if not tail:
                return Symbol("class", qual, summary, cls=cls)
            if len(tail) == 1:
                return self.find_method(summary, cls, tail[0], _depth + 1)
            return None
        if name in summary.variables and name not in summary.imports:
            return Symbol("variable", qual, summary, value=summary.variables[name]) if not tail else None
        if name in summary.imports:
            return self.resolve(".".join([summary.imports[name], *tail]), _depth + 1)
        for star in summary.star_imports:
            star_summary = self.module_summary(star)
            if star_summary is not None and star_summary is not summary:
                if star_summary.all_names is not None and name not in star_summary.all_names:
                    continue
                found = self.resolve_in_module(star_summary, rest, _depth + 1)
                if found is not None:
                    return found
        if summary.is_package:
            return self.resolve(".".join([summary.module, name, *tail]), _depth + 1)
        return None

    def find_method(self, summary: ModuleSummary, cls: ClassFacts, method: str, _depth: int = 0) -> Symbol | None:
        """A method looked up through the class and its bases (first base first)."""
        if _depth > MAX_DEPTH:
            return None
        if method in cls.methods:
            return Symbol(
                "method",
                f"{summary.module}.{cls.name}.{method}",
                summary,
                function=cls.methods[method],
                cls=cls,
            )
        for base in cls.bases:
            owner = self.resolve_base(summary, base, _depth + 1)
            if owner is None:
                continue
            found = self.find_method(owner.module, owner.cls, method, _depth + 1)  # type: ignore[arg-type]
            if found is not None:
                return found
        return None

    def resolve_base(self, summary: ModuleSummary, base: str, _depth: int = 0) -> Symbol | None:
        """The class a base-class expression names, seen from ``summary``."""
        parts = base.split(".")
        if parts[0] in summary.classes and len(parts) == 1:
            return Symbol("class", f"{summary.module}.{base}", summary, cls=summary.classes[base])
        head = summary.imports.get(parts[0])
        if head is None:
            found = self.resolve_in_module(summary, parts, _depth + 1)
        else:
            found = self.resolve(".".join([head, *parts[1:]]), _depth + 1)
        return found if found is not None and found.kind == "class" else None

    def class_ancestry(self, summary: ModuleSummary, cls: ClassFacts) -> list[str | Symbol]:
        """Every ancestor of ``cls``: resolved project classes, or the dotted name of the rest."""
        seen: list[str | Symbol] = []
        stack: list[tuple[ModuleSummary, ClassFacts, int]] = [(summary, cls, 0)]
        while stack:
            owner, current, depth = stack.pop()
            if depth > MAX_DEPTH:
                continue
            for base in current.bases:
                found = self.resolve_base(owner, base)
                if found is None:
                    head = owner.imports.get(base.split(".")[0])
                    rest = base.split(".")[1:]
                    seen.append(".".join([head, *rest]) if head else base)
                else:
                    seen.append(found)
                    stack.append((found.module, found.cls, depth + 1))  # type: ignore[arg-type]
        return seen
