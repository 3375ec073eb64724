"""``collect_ignore`` / ``collect_ignore_glob`` of conftest.py files, read without running them.

pytest imports every conftest.py and skips the paths its ``collect_ignore`` list names
(relative to the conftest's folder) and the paths its ``collect_ignore_glob`` patterns
match (``fnmatch`` on the whole path). Projects use these lists mostly to keep files that
need another Python version or an optional dependency away from pytest, so linting those
files produces findings about code pytest never imports (often ASL000 on syntax of a
newer Python).

asynclint never imports or executes project code, so the lists are read statically with
``ast``: module-level assignments, ``+=``, ``append``/``extend``/``insert``, and the
common conditional forms (``if sys.version_info < (3, 10): ...``, ``... if cond else
...``, ``try: import x / except ImportError: collect_ignore.append(...)``).

The reading is deliberately an over-approximation: a file is treated as ignored when it
*may* be ignored. A ``sys.version_info`` condition is evaluated for every Python version
the project supports (``requires-python``, or ``python_requires`` of setup.cfg/setup.py;
the Pythons current pytest runs on, 3.9 and later, when it declares none); if it holds for
at least one of them, the entries it guards count. Any other condition (a platform, an
import that may fail) is assumed to go either way. Not linting a file pytest runs on some
interpreters loses a few findings; linting a file pytest skips produces findings about code
that never runs, and those are what makes users distrust a linter.
"""

from __future__ import annotations

import ast
import fnmatch
import operator
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

from packaging.specifiers import InvalidSpecifier, SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

__all__ = [
    "ConftestLists",
    "clear_cache",
    "conftest_lists",
    "ignore_rules",
    "is_ignored_by_conftests",
    "read_lists",
    "supported_pythons",
]

_PATHS = "collect_ignore"
_GLOBS = "collect_ignore_glob"
# Python 3 minor versions a requires-python range is evaluated over; micro 0 and a late
# micro so that conditions such as ``< (3, 10, 2)`` see both sides of the boundary.
_MINORS = range(16)
_MICROS = (0, 99)
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_VERSION_FIELDS = {"major": 0, "minor": 1, "micro": 2, "releaselevel": 3, "serial": 4}


class _Unknown:
    """A value the static reading cannot know."""


UNKNOWN = _Unknown()
VersionInfo = tuple[int, int, int, str, int]
Defined = Literal["yes", "maybe", "no"]


@dataclass(frozen=True)
class ConftestLists:
    """What one conftest.py sets, each entry as written.

    ``*_defined``: "yes" (every supported run defines the name), "maybe" (only some do:
    then the lists of conftests further up may still apply) or "no".
    """

    paths: tuple[str, ...] = ()
    globs: tuple[str, ...] = ()
    paths_defined: Defined = "no"
    globs_defined: Defined = "no"


# --------------------------------------------------------------------------
# Supported Python versions
# --------------------------------------------------------------------------


# Without a declared range, the Pythons a suite can still run on today: pytest 8.4 and
# later need 3.9. Judging a conftest's ``sys.version_info < (3, 8)`` over every Python 3 would
# skip folders no current interpreter skips.
_DEFAULT_REQUIRES = ">=3.9"
_PYTHON_REQUIRES = re.compile(r"""\bpython_requires\s*=\s*(?:["']([^"'\n]+)["']|([^\n#]+))""")


def _requires_python(folder: Path) -> str | None:
    """The supported-Python range of the nearest project at or above ``folder``:
    ``[project] requires-python`` of pyproject.toml, else ``python_requires`` of setup.cfg
    or setup.py (read as text, never run)."""
    for directory in (folder, *folder.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
                return None  # the configuration readers report broken files; here: no information
            project = data.get("project")
            spec = project.get("requires-python") if isinstance(project, dict) else None
            if isinstance(spec, str):
                return spec
        for name in ("setup.cfg", "setup.py"):
            legacy = directory / name
            if legacy.is_file():
                try:
                    match = _PYTHON_REQUIRES.search(legacy.read_text(encoding="utf-8", errors="replace"))
                except OSError:
                    match = None
                if match:
                    return (match.group(1) or match.group(2)).strip()
        if candidate.is_file() or (directory / "setup.py").is_file() or (directory / ".git").exists():
            return None  # the project's boundary: nothing above it is this project's
    return None


@lru_cache(maxsize=256)
def supported_pythons(folder: Path) -> tuple[VersionInfo, ...]:
    """The ``sys.version_info`` values the project at ``folder`` may run under."""
    spec = _requires_python(folder) or _DEFAULT_REQUIRES
    allowed: SpecifierSet | None = None
    if spec is not None:
        try:
            allowed = SpecifierSet(spec)
        except InvalidSpecifier:
            allowed = None
    found = tuple(
        (3, minor, micro, "final", 0)
        for minor in _MINORS
        for micro in _MICROS
        if allowed is None or allowed.contains(f"3.{minor}.{micro}", prereleases=True)
    )
    # A range no known version satisfies (a typo, a far future floor): judge over all.
    return found or tuple((3, minor, micro, "final", 0) for minor in _MINORS for micro in _MICROS)


# --------------------------------------------------------------------------
# Static evaluation
# --------------------------------------------------------------------------


def _version_ref(node: ast.expr, version_names: frozenset[str]) -> bool:
    """``sys.version_info`` (or ``version_info`` imported from sys)."""
    if isinstance(node, ast.Attribute) and node.attr == "version_info":
        return isinstance(node.value, ast.Name) and node.value.id == "sys"
    return isinstance(node, ast.Name) and node.id in version_names


def _value(node: ast.expr, version: VersionInfo, version_names: frozenset[str]) -> object:
    """The value of a small expression under ``version``, or UNKNOWN."""
    if _version_ref(node, version_names):
        return version
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, str)):
        return node.value
    if isinstance(node, ast.Tuple):
        items = [_value(item, version, version_names) for item in node.elts]
        return UNKNOWN if any(item is UNKNOWN for item in items) else tuple(items)
    if isinstance(node, ast.Attribute) and node.attr in _VERSION_FIELDS:
        base = _value(node.value, version, version_names)
        return base[_VERSION_FIELDS[node.attr]] if base is version else UNKNOWN
    if isinstance(node, ast.Subscript):
        base = _value(node.value, version, version_names)
        if base is not version:
            return UNKNOWN
        index = node.slice
        if isinstance(index, ast.Slice):
            bounds: list[int | None] = []
            for bound in (index.lower, index.upper, index.step):
                value = None if bound is None else _value(bound, version, version_names)
                if not (value is None or isinstance(value, int)):
                    return UNKNOWN
                bounds.append(value)
            return version[slice(*bounds)]
        position = _value(index, version, version_names)
        return version[position] if isinstance(position, int) and -5 <= position < 5 else UNKNOWN
    if isinstance(node, ast.BoolOp):
        values = [_truth(item, version, version_names) for item in node.values]
        if isinstance(node.op, ast.And):
            if False in values:
                return False
            return UNKNOWN if UNKNOWN in values else True
        if True in values:
            return True
        return UNKNOWN if UNKNOWN in values else False
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _truth(node.operand, version, version_names)
        return UNKNOWN if inner is UNKNOWN else not inner
    if isinstance(node, ast.Compare):
        left = _value(node.left, version, version_names)
        for op, comparator in zip(node.ops, node.comparators):
            right = _value(comparator, version, version_names)
            compare = _COMPARE.get(type(op))
            if left is UNKNOWN or right is UNKNOWN or compare is None:
                return UNKNOWN
            try:
                if not compare(left, right):
                    return False
            except TypeError:
                return UNKNOWN
            left = right
        return True
    return UNKNOWN


def _truth(node: ast.expr, version: VersionInfo, version_names: frozenset[str]) -> object:
    value = _value(node, version, version_names)
    return UNKNOWN if value is UNKNOWN else bool(value)


def _outcomes(node: ast.expr, versions: Iterable[VersionInfo], version_names: frozenset[str]) -> set[bool]:
    """Which truth values ``node`` may take over the supported versions."""
    found: set[bool] = set()
    for version in versions:
        truth = _truth(node, version, version_names)
        if truth is UNKNOWN:
            return {True, False}
        found.add(bool(truth))
    return found


class _Reader:
    """Walks a conftest's module-level statements, collecting what each list may hold."""

    def __init__(self, versions: tuple[VersionInfo, ...]) -> None:
        self.versions = versions
        self.version_names: frozenset[str] = frozenset()
        # name -> (entries it may hold, "yes"/"maybe" defined)
        self.lists: dict[str, tuple[tuple[str, ...], Defined]] = {}

    def strings(self, node: ast.expr | None) -> tuple[str, ...] | None:
        """Entries a list expression may produce; None when it is not a list we can read."""
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return tuple(e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str))
        if isinstance(node, ast.Name) and node.id in self.lists:
            return self.lists[node.id][0]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.strings(node.left), self.strings(node.right)
            return None if left is None and right is None else (*(left or ()), *(right or ()))
        if isinstance(node, ast.IfExp):
            outcomes = _outcomes(node.test, self.versions, self.version_names)
            branches = [self.strings(b) for b, taken in ((node.body, True), (node.orelse, False)) if taken in outcomes]
            if all(b is None for b in branches):
                return None
            return tuple(item for branch in branches for item in branch or ())
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("list", "tuple", "set"):
            return self.strings(node.args[0]) if len(node.args) == 1 else () if not node.args else None
        return None

    def assign(self, name: str, entries: tuple[str, ...], certain: bool, replace: bool) -> None:
        old_entries, old_defined = self.lists.get(name, ((), "no"))
        if certain and replace:
            self.lists[name] = (entries, "yes")
            return
        defined: Defined = "yes" if old_defined == "yes" or certain else "maybe"
        self.lists[name] = (tuple(dict.fromkeys((*old_entries, *entries))), defined)

    def extend(self, name: str, entries: tuple[str, ...] | None, certain: bool) -> None:
        if name in self.lists and entries:
            self.assign(name, entries, certain, replace=False)

    def run(self, body: list[ast.stmt], certain: bool) -> None:
        for statement in body:
            self.statement(statement, certain)

    def statement(self, node: ast.stmt, certain: bool) -> None:
        if isinstance(node, ast.ImportFrom) and node.module == "sys":
            names = {alias.asname or alias.name for alias in node.names if alias.name == "version_info"}
            self.version_names = self.version_names | names
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            entries = self.strings(node.value)
            for target in targets:
                if isinstance(target, ast.Name):
                    if entries is not None:
                        self.assign(target.id, entries, certain, replace=True)
                    elif target.id in self.lists:  # rebound to something unreadable
                        self.assign(target.id, (), certain, replace=True)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and isinstance(node.op, ast.Add):
            self.extend(node.target.id, self.strings(node.value), certain)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            self.method_call(node.value, certain)
        elif isinstance(node, ast.If):
            outcomes = _outcomes(node.test, self.versions, self.version_names)
            if True in outcomes:
                self.run(node.body, certain and outcomes == {True})
            if False in outcomes:
                self.run(node.orelse, certain and outcomes == {False})
        elif isinstance(node, ast.Try) or (sys.version_info >= (3, 11) and isinstance(node, ast.TryStar)):
            try_node = cast(ast.Try, node)  # ast.TryStar has the same fields
            self.run(try_node.body, False)
            for handler in try_node.handlers:
                self.run(handler.body, False)
            self.run(try_node.orelse, False)
            self.run(try_node.finalbody, certain)
        elif isinstance(node, (ast.With, ast.For, ast.While)):
            self.run(node.body, False)
            self.run(getattr(node, "orelse", []), False)

    def method_call(self, call: ast.Call, certain: bool) -> None:
        func = call.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return
        name = func.value.id
        if func.attr == "append" and len(call.args) == 1:
            arg = call.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                self.extend(name, (arg.value,), certain)
        elif func.attr == "insert" and len(call.args) == 2:
            arg = call.args[1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                self.extend(name, (arg.value,), certain)
        elif func.attr == "extend" and len(call.args) == 1:
            self.extend(name, self.strings(call.args[0]), certain)


def read_lists(source: str, versions: tuple[VersionInfo, ...]) -> ConftestLists:
    """The ignore lists a conftest's source sets (see the module docstring for the reading)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ConftestLists()  # pytest cannot import it either; the conftest is linted (ASL000)
    reader = _Reader(versions)
    reader.run(tree.body, True)
    paths, paths_defined = reader.lists.get(_PATHS, ((), "no"))
    globs, globs_defined = reader.lists.get(_GLOBS, ((), "no"))
    return ConftestLists(paths, globs, paths_defined, globs_defined)


@lru_cache(maxsize=1024)
def _conftest_lists_cached(path: str, _mtime_ns: int, _size: int, versions: tuple[VersionInfo, ...]) -> ConftestLists:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return ConftestLists()
    if not any(name.encode() in data for name in (_PATHS, _GLOBS)):
        return ConftestLists()
    return read_lists(data.decode("utf-8", "replace"), versions)


def conftest_lists(folder: Path) -> ConftestLists | None:
    """The lists of ``folder/conftest.py``; None when there is no regular conftest.py."""
    candidate = folder / "conftest.py"
    try:
        info = candidate.stat()
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):  # never open a FIFO or device
        return None
    return _conftest_lists_cached(str(candidate), info.st_mtime_ns, info.st_size, supported_pythons(folder))


@lru_cache(maxsize=4096)
def ignore_rules(folder: Path, stop: Path) -> tuple[frozenset[str], tuple[str, ...]]:
    """(absolute paths, absolute glob patterns) the conftests skip for entries of ``folder``.

    As in pytest, for each list the nearest conftest (in ``folder`` or above, up to and
    including ``stop``) that defines it decides. When that conftest defines it only on
    some runs ("maybe"), the next one up decides the other runs, so both count.
    Cached per folder: a walk asks once per entry.
    """
    paths: set[str] = set()
    globs: list[str] = []
    decided_paths = decided_globs = False
    for directory in (folder, *folder.parents):
        lists = conftest_lists(directory)
        if lists is not None:
            if not decided_paths and lists.paths_defined != "no":
                paths.update(os.path.abspath(directory / entry.replace("/", os.sep)) for entry in lists.paths)
                decided_paths = lists.paths_defined == "yes"
            if not decided_globs and lists.globs_defined != "no":
                globs.extend(os.path.abspath(directory / pattern.replace("/", os.sep)) for pattern in lists.globs)
                decided_globs = lists.globs_defined == "yes"
        if directory == stop or (decided_paths and decided_globs):
            break
    return frozenset(paths), tuple(globs)


def is_ignored_by_conftests(path: Path, stop: Path) -> bool:
    """Would pytest skip ``path`` (absolute, unresolved) because of a conftest's lists?"""
    text = os.path.abspath(path)
    paths, globs = ignore_rules(Path(text).parent, stop)
    return text in paths or any(fnmatch.fnmatch(text, pattern) for pattern in globs)


def clear_cache() -> None:
    """Forget parsed conftests and requires-python answers (long-lived processes, tests)."""
    _conftest_lists_cached.cache_clear()
    supported_pythons.cache_clear()
    ignore_rules.cache_clear()
