"""Which packages a project declares for its tests, from every common dependency format.

pytest loads every installed plugin that declares a ``pytest11`` entry point, with no
line in the pytest config. So the plugins that run a project's coroutine tests are
often visible only in what the project installs for its tests: extras, dependency
groups, requirements files, tox environments, ``setup.py`` arguments, lock files.
Everything here is read as text or parsed with ``ast``/``tomllib``/``configparser``;
nothing of the project is imported or executed.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name

from asynclint.config.versions import (
    lock_versions,
    parse_requirement,
    pyproject_specs,
    read_toml,
    requirement_files,
    requirement_lines,
    search_folders,
)

_LOCK_FILES = ("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock")
_TEST_REQUIREMENT_DIRS = ("tests", "test", "testing", "requirements", "ci", ".ci")
# ``-r other.txt`` / ``--requirement other.txt`` inside a requirements file.
_INCLUDE = re.compile(r"^\s*(?:-r|--requirement)[\s=]+(\S+)")
# Keyword arguments of setup() whose strings are test-time requirements.
_SETUP_KEYWORDS = ("tests_require", "extras_require", "install_requires")
_MAX_INCLUDES = 32


@dataclass(frozen=True)
class DeclaredDependencies:
    """Canonical package names a project declares, each with where it was declared."""

    packages: dict[str, str]
    files: tuple[str, ...]  # every file read, for the result cache

    def declares(self, name: str) -> bool:
        return canonicalize_name(name) in self.packages


def _requirement_file_closure(first: list[Path], missing: list[str] | None = None) -> Iterator[Path]:
    """Requirement files and the files they include with ``-r``, each once; an include that
    is not a file is added to ``missing`` (its appearance changes the answer)."""
    seen: set[Path] = set()
    pending = list(first)
    while pending and len(seen) < _MAX_INCLUDES:
        path = pending.pop(0)
        resolved = path.resolve()
        if resolved in seen:
            continue
        if not path.is_file():
            if missing is not None:
                missing.append(str(path))
            continue
        seen.add(resolved)
        yield path
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            match = _INCLUDE.match(line)
            if match:
                pending.append(path.parent / match.group(1))


def _tox_requirements(path: Path) -> Iterator[str]:
    """``deps =`` lines of every ``[testenv*]`` section of tox.ini."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, configparser.Error):
        return
    for section in parser.sections():
        if section.startswith("testenv") and parser.has_option(section, "deps"):
            for line in parser.get(section, "deps").splitlines():
                line = line.split(" #", 1)[0].strip()
                # ``{[testenv]deps}`` references and ``-r file`` lines are followed elsewhere
                line = re.sub(r"^[\w,\-]+:\s*", "", line)  # ``py311: pkg`` factor conditions
                if line and not line.startswith(("-", "{")):
                    yield line


def _setup_cfg_requirements(path: Path) -> Iterator[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, configparser.Error):
        return
    if parser.has_section("options"):
        for key in _SETUP_KEYWORDS:
            if parser.has_option("options", key):
                yield from parser.get("options", key).splitlines()
    if parser.has_section("options.extras_require"):
        for _, value in parser.items("options.extras_require"):
            yield from value.splitlines()


def _strings(node: ast.AST) -> Iterator[str]:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value


def _setup_py_requirements(path: Path) -> Iterator[str]:
    """String literals passed to ``setup(tests_require=..., extras_require=...)`` (or bound to
    a module-level name passed there): read with ``ast``, never run."""
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return
    assigned: dict[str, ast.AST] = {}
    node: ast.AST
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigned[node.targets[0].id] = node.value
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg in _SETUP_KEYWORDS:
                value: ast.AST = keyword.value
                if isinstance(value, ast.Name) and value.id in assigned:
                    value = assigned[value.id]
                yield from _strings(value)


def _pipfile_requirements(path: Path) -> Iterator[str]:
    data = read_toml(path)
    if not isinstance(data, dict):
        return
    for section in ("packages", "dev-packages"):
        table = data.get(section)
        if isinstance(table, dict):
            yield from (str(name) for name in table)


def _folder_requirement_files(folder: Path) -> list[Path]:
    files = list(requirement_files(folder))
    for name in _TEST_REQUIREMENT_DIRS:
        sub = folder / name
        if sub.is_dir():
            files.extend(requirement_files(sub))
    return files


def declared_dependencies(root: Path) -> DeclaredDependencies:
    """Every package the project at ``root`` (and its parents up to the project boundary)
    declares in any common format; the runtime and the test-time ones alike, since pytest
    loads a plugin whichever list installed it."""
    packages: dict[str, str] = {}
    read: list[str] = []

    def add(line: str, where: str) -> None:
        parsed = parse_requirement(line.strip())
        if parsed is not None:
            packages.setdefault(parsed[0], where)

    def rel(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return str(path)

    for folder in search_folders(root):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            read.append(str(pyproject))
            data = read_toml(pyproject)
            if isinstance(data, dict):
                for package, _spec, where in pyproject_specs(data):
                    packages.setdefault(package, f"{rel(pyproject)} {where}")
        for path in _requirement_file_closure(_folder_requirement_files(folder)):
            read.append(str(path))
            for line in requirement_lines(path):
                add(line, rel(path))
        for name, reader in (
            ("tox.ini", _tox_requirements),
            ("setup.cfg", _setup_cfg_requirements),
            ("setup.py", _setup_py_requirements),
            ("Pipfile", _pipfile_requirements),
        ):
            path = folder / name
            if path.is_file():
                read.append(str(path))
                for line in reader(path):
                    add(line, rel(path))
        for name in _LOCK_FILES:
            path = folder / name
            if path.is_file():
                read.append(str(path))
                for package in lock_versions(path):
                    packages.setdefault(package, f"locked in {rel(path)}")
    return DeclaredDependencies(packages, tuple(dict.fromkeys(read)))


def declaration_inputs(root: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folders, files): everything :func:`declared_dependencies` and
    :func:`own_pytest_plugins` read for ``root``, found without parsing a single file (a
    requirements file's ``-r`` lines aside), so a stored answer can be re-checked cheaply.
    Which files are read depends only on the folders' listings (a new lock file, a
    requirements file dropped in), so the folders are part of the answer."""
    folders: list[str] = []
    files: list[str] = []
    for folder in search_folders(root):
        for where in (folder, folder / "requirements", *(folder / d for d in _TEST_REQUIREMENT_DIRS)):
            folders.append(str(where))
        for name in ("pyproject.toml", "tox.ini", "setup.cfg", "setup.py", "Pipfile", *_LOCK_FILES):
            if (folder / name).is_file():
                files.append(str(folder / name))
        files.extend(str(p) for p in _requirement_file_closure(_folder_requirement_files(folder), files))
    for sub in list(dict.fromkeys(folders)):
        if os.path.isdir(os.path.join(sub, "requirements")):
            folders.append(os.path.join(sub, "requirements"))
    return tuple(dict.fromkeys(folders)), tuple(dict.fromkeys(files))


_ENTRY_POINT = re.compile(r"^\s*[\w.\-]+\s*=\s*([\w.]+)")


def _entry_point_modules(lines: Iterator[str] | list[str]) -> Iterator[str]:
    for line in lines:
        match = _ENTRY_POINT.match(line)
        if match:
            yield match.group(1)


def own_pytest_plugins(root: Path) -> tuple[str, ...]:
    """Modules the project itself registers as ``pytest11`` entry points: a project that *is*
    a pytest plugin runs its own suite with it (installed in development mode)."""
    found: list[str] = []
    for folder in search_folders(root):
        pyproject = folder / "pyproject.toml"
        data = read_toml(pyproject) if pyproject.is_file() else None
        if isinstance(data, dict):
            project = data.get("project") if isinstance(data.get("project"), dict) else {}
            points = (project.get("entry-points") or {}).get("pytest11") if isinstance(project, dict) else None
            tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
            poetry = tool.get("poetry") if isinstance(tool, dict) and isinstance(tool.get("poetry"), dict) else {}
            poetry_points = (poetry.get("plugins") or {}).get("pytest11") if isinstance(poetry, dict) else None
            for table in (points, poetry_points):
                if isinstance(table, dict):
                    found.extend(str(v).split(":")[0].strip() for v in table.values())
        setup_cfg = folder / "setup.cfg"
        if setup_cfg.is_file():
            parser = configparser.ConfigParser(interpolation=None, strict=False)
            try:
                parser.read_string(setup_cfg.read_text(encoding="utf-8", errors="replace"))
                readable = True
            except (OSError, configparser.Error):
                readable = False
            if readable and parser.has_option("options.entry_points", "pytest11"):
                found.extend(_entry_point_modules(parser.get("options.entry_points", "pytest11").splitlines()))
        setup_py = folder / "setup.py"
        if setup_py.is_file():
            found.extend(_entry_point_modules(_setup_py_entry_points(setup_py)))
    return tuple(dict.fromkeys(m for m in found if m))


def _setup_py_entry_points(path: Path) -> list[str]:
    """``"name = module:attr"`` strings listed under a ``"pytest11"`` key in setup.py."""
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    lines: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "pytest11" and value is not None:
                    lines.extend(_strings(value))
    return lines
