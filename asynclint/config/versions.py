"""Which pytest-asyncio and pytest a project runs with, and where that fact came from.

Several rules mean different things in different releases: the ``event_loop``
fixture was deprecated in 0.22 and removed in 1.0, ``scope=`` on the asyncio
mark became ``loop_scope=`` in 0.24, overriding ``event_loop_policy`` is
deprecated from 1.4, and pytest 9 turns unhandled async fixtures and marks on
fixtures into errors. The versions are looked up, first hit wins:

1. the command line (``--pytest-asyncio-version``, exported through
   :func:`set_cli_override`) or ``[tool.asynclint] pytest-asyncio-version`` /
   ``pytest-version``;
2. lock files: ``uv.lock``, ``poetry.lock``, ``pdm.lock``, ``Pipfile.lock``;
3. ``==`` pins in ``requirements*.txt`` (also ``requirements/*.txt``, ``*-requirements.txt``);
4. dependency specifiers in ``pyproject.toml`` (PEP 621, PEP 735 groups, Poetry,
   PDM, uv, Hatch environments) and unpinned requirement lines, resolved to the
   newest release asynclint knows that satisfies them;
5. the environment asynclint runs in, when it is the project's own (``importlib.metadata``);
6. otherwise the newest release asynclint knows.

Files are searched from the project root (the pytest rootdir) upwards to the
first folder that looks like a project boundary (``.git``, ``pyproject.toml``,
``setup.py``, ``setup.cfg``). Versions, specifiers and requirement lines are read with
``packaging``; only Poetry's ``^``/``~`` ranges are translated to PEP 440 first.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYTEST_ASYNCIO = "pytest-asyncio"
PYTEST = "pytest"
ENV_OVERRIDE = "ASYNCLINT_PYTEST_ASYNCIO_VERSION"


# --------------------------------------------------------------------------- versions
def parse_version(text: str | None) -> Version | None:
    """A PEP 440 version, or None for text that is not one."""
    try:
        return Version((text or "").strip())
    except InvalidVersion:
        return None


def at_least(version: Version, *parts: int) -> bool:
    """Whether the release is at least ``parts`` (pre-releases count as their release)."""
    release = (tuple(version.release) + (0, 0, 0))[:3]
    return release >= tuple(parts) + (0,) * (3 - len(parts))


def _releases(spec: str) -> tuple[Version, ...]:
    """``"0.23.0-8 0.24.0"`` -> every listed release, sorted."""
    found: list[Version] = []
    for item in spec.split():
        base, _, last = item.partition("-")
        head, _, first = base.rpartition(".")
        micros = range(int(first), int(last) + 1) if last else [int(first)]
        found.extend(Version(f"{head}.{micro}") for micro in micros)
    return tuple(sorted(found))


# Releases asynclint knows about (used to resolve specifiers such as ``<0.24``).
KNOWN_RELEASES: dict[str, tuple[Version, ...]] = {
    PYTEST_ASYNCIO: _releases(
        "0.10.0 0.11.0 0.12.0 0.14.0 0.15.0-1 0.16.0 0.17.0-2 0.18.0-3 0.19.0 0.20.0-3 "
        "0.21.0-2 0.22.0 0.23.0-8 0.24.0 0.25.0-3 0.26.0 1.0.0 1.1.0-1 1.2.0 1.3.0 1.4.0-1 1.5.0"
    ),
    PYTEST: _releases(
        "6.2.0-5 7.0.0-1 7.1.0-3 7.2.0-2 7.3.0-2 7.4.0-4 8.0.0-2 8.1.0-2 8.2.0-2 8.3.0-5 8.4.0-2 9.0.0-3 9.1.0-1 9.2.0"
    ),
}


def newest_known(package: str) -> Version:
    return KNOWN_RELEASES[package][-1]


# --------------------------------------------------------------------------- specifiers
_POETRY_CLAUSE = re.compile(r"^(?P<op>\^|~(?!=))?(?P<version>\d+(?:\.\d+)*)$")


def _poetry_clause(clause: str) -> str:
    """Poetry's ``^1.2``, ``~1.2`` and bare ``1.2`` as PEP 440; anything else unchanged."""
    match = _POETRY_CLAUSE.match(clause)
    if match is None:
        return clause
    text, op = match.group("version"), match.group("op")
    if op is None:
        return f"=={text}"  # a bare version is an exact pin
    numbers = [int(p) for p in text.split(".")]
    if op == "^":  # the left-most non-zero part may not change
        index = next((i for i, n in enumerate(numbers) if n), len(numbers) - 1)
    else:  # ``~1.2.3``: >=1.2.3,<1.3 ; ``~1``: >=1,<2
        index = min(1, len(numbers) - 1)
    upper = numbers[: index + 1]
    upper[-1] += 1
    return f">={text},<{'.'.join(map(str, upper))}"


def specifier_set(spec: str) -> SpecifierSet | None:
    """A dependency specifier (PEP 440, or Poetry's ``^``/``~``/bare forms); None if unreadable."""
    spec = spec.strip().strip("()")
    if spec in ("", "*"):
        return SpecifierSet()
    spec = re.sub(r"(===|~=|==|!=|>=|<=|>|<|\^|~)\s+", r"\1", spec)
    clauses = [_poetry_clause(c) for c in re.split(r"[,\s]+", spec) if c]
    try:
        return SpecifierSet(",".join(clauses))
    except InvalidSpecifier:
        return None


def satisfying(package: str, spec: str) -> Version | None:
    """The newest known release of ``package`` that ``spec`` allows (``||`` alternatives too);
    an exact pin gives its version even when asynclint does not know that release."""
    best: Version | None = None
    for alternative in spec.split("||"):
        allowed = specifier_set(alternative)
        if allowed is None:
            continue
        candidate = _exact(allowed) or max(allowed.filter(KNOWN_RELEASES[package]), default=None)
        if candidate is not None and (best is None or candidate > best):
            best = candidate
    return best


def _exact(allowed: SpecifierSet) -> Version | None:
    clauses = list(allowed)
    if len(clauses) == 1 and clauses[0].operator in ("==", "===") and "*" not in clauses[0].version:
        return parse_version(clauses[0].version)
    return None


def pinned(spec: str) -> Version | None:
    """The version of an exact ``==X`` pin (no wildcard), else None."""
    allowed = specifier_set(spec)
    return _exact(allowed) if allowed is not None else None


def parse_requirement(line: str) -> tuple[str, str] | None:
    """``"pytest-asyncio[testing]>=0.23; python_version>'3.8'"`` -> ("pytest-asyncio", ">=0.23")."""
    try:
        requirement = Requirement(line)
    except InvalidRequirement:
        return None
    if requirement.url:
        return None
    return canonicalize_name(requirement.name), str(requirement.specifier)


# --------------------------------------------------------------------------- facts
@dataclass(frozen=True)
class VersionFact:
    package: str
    version: Version
    source: str  # where it came from, for `asynclint config` and messages
    path: str | None = None

    def describe(self) -> str:
        return f"{self.package} {self.version} ({self.source})"


@dataclass(frozen=True)
class ProjectVersions:
    pytest_asyncio: VersionFact
    pytest: VersionFact
    files: tuple[str, ...] = ()  # dependency files that were read
    # A lock file that pins pytest but not pytest-asyncio: the plugin is not installed there.
    asyncio_missing_from: str | None = None

    @property
    def asyncio_installed(self) -> bool:
        return self.asyncio_missing_from is None

    def asyncio_at_least(self, *parts: int) -> bool:
        return at_least(self.pytest_asyncio.version, *parts)

    def pytest_at_least(self, *parts: int) -> bool:
        return at_least(self.pytest.version, *parts)


_BOUNDARIES = (".git", ".hg", "pyproject.toml", "setup.py", "setup.cfg")
_LOCK_FILES = ("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock")


def search_folders(root: Path) -> list[Path]:
    """The project root and its parents up to the first project boundary (at most 8 levels)."""
    folders: list[Path] = []
    for folder in (root, *root.parents):
        folders.append(folder)
        if any((folder / marker).exists() for marker in _BOUNDARIES) or len(folders) >= 8:
            break
    return folders


def read_toml(path: Path) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None  # not ours to judge: the version sources are hints, not configuration


def lock_versions(path: Path) -> dict[str, Version | None]:
    """{package: version} of a lock file; None for a package listed without a version
    (the project itself, an editable install). Parsed once per run (``clear_cache``): the
    runner evidence asks one lock file about every declared package, and a large lock file
    takes a second to parse."""
    return dict(_lock_versions(path))


@lru_cache(maxsize=64)
def _lock_versions(path: Path) -> dict[str, Version | None]:
    found: dict[str, Version | None] = {}
    if path.name == "Pipfile.lock":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return found
        for section in ("default", "develop"):
            for name, entry in (data.get(section) or {}).items():
                version = pinned(entry.get("version", "")) if isinstance(entry, dict) else None
                if version is not None:
                    found.setdefault(canonicalize_name(name), version)
        return found
    data = read_toml(path)
    packages = data.get("package", []) if isinstance(data, dict) else []
    for entry in packages if isinstance(packages, list) else []:
        if not isinstance(entry, dict):
            continue
        name, text = entry.get("name"), entry.get("version")
        if not isinstance(name, str):
            continue
        key = canonicalize_name(name)
        version = parse_version(text) if isinstance(text, str) else None
        previous = found.get(key)
        if previous is None or (version is not None and version > previous):
            found[key] = version  # several resolution forks: the newest
    return found


def requirement_files(folder: Path) -> list[Path]:
    files = set(folder.glob("*requirements*.txt")) | set(folder.glob("requirements/*.txt"))
    return sorted(p for p in files if p.is_file())


def requirement_lines(path: Path) -> Iterator[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    text = text.replace("\\\n", " ")
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-", "http:", "https:", "git+")):
            continue
        yield line.split(" --", 1)[0]


def pyproject_specs(data: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(package, specifier, where) for every dependency a pyproject.toml declares."""

    def strings(items: object, where: str) -> Iterator[tuple[str, str, str]]:
        if isinstance(items, list):
            for item in items:
                if isinstance(item, str):
                    parsed = parse_requirement(item)
                    if parsed:
                        yield parsed[0], parsed[1], where

    def poetry(table: object, where: str) -> Iterator[tuple[str, str, str]]:
        if not isinstance(table, dict):
            return
        for name, value in table.items():
            entries = value if isinstance(value, list) else [value]
            for entry in entries:
                spec = entry.get("version") if isinstance(entry, dict) else entry
                if isinstance(spec, str):
                    yield canonicalize_name(name), spec, where

    project = data.get("project") or {}
    if isinstance(project, dict):
        yield from strings(project.get("dependencies"), "[project] dependencies")
        optional = project.get("optional-dependencies") or {}
        if isinstance(optional, dict):
            for group, items in optional.items():
                yield from strings(items, f"[project.optional-dependencies] {group}")
    groups = data.get("dependency-groups") or {}
    if isinstance(groups, dict):
        for group, items in groups.items():
            yield from strings(items, f"[dependency-groups] {group}")
    tool = data.get("tool") or {}
    if not isinstance(tool, dict):
        return
    poetry_table = tool.get("poetry") or {}
    if isinstance(poetry_table, dict):
        yield from poetry(poetry_table.get("dependencies"), "[tool.poetry.dependencies]")
        yield from poetry(poetry_table.get("dev-dependencies"), "[tool.poetry.dev-dependencies]")
        poetry_groups = poetry_table.get("group") or {}
        for group, table in poetry_groups.items() if isinstance(poetry_groups, dict) else ():
            if isinstance(table, dict):
                yield from poetry(table.get("dependencies"), f"[tool.poetry.group.{group}]")
    pdm = tool.get("pdm") or {}
    if isinstance(pdm, dict) and isinstance(pdm.get("dev-dependencies"), dict):
        for group, items in pdm["dev-dependencies"].items():
            yield from strings(items, f"[tool.pdm.dev-dependencies] {group}")
    uv = tool.get("uv") or {}
    if isinstance(uv, dict):
        yield from strings(uv.get("dev-dependencies"), "[tool.uv] dev-dependencies")
    hatch = tool.get("hatch") or {}
    envs = hatch.get("envs") if isinstance(hatch, dict) else None
    if isinstance(envs, dict):
        for env, table in envs.items():
            if isinstance(table, dict):
                for key in ("dependencies", "extra-dependencies"):
                    yield from strings(table.get(key), f"[tool.hatch.envs.{env}] {key}")


def _config_override(root: Path) -> tuple[dict[str, str], str | None]:
    from asynclint.config.settings import SettingsError, find_pyproject_settings

    try:
        found = find_pyproject_settings(root)
    except SettingsError:
        return {}, None
    if found is None:
        return {}, None
    path, table = found
    values = {}
    for key, package in (("pytest-asyncio-version", PYTEST_ASYNCIO), ("pytest-version", PYTEST)):
        value = table.get(key)
        if isinstance(value, str):
            values[package] = value
    return values, str(path)


def _project_name(root: Path) -> str | None:
    """The distribution name the project declares (pyproject, setup.cfg or a setup() literal)."""
    for folder in search_folders(root):
        data = read_toml(folder / "pyproject.toml") if (folder / "pyproject.toml").is_file() else None
        if isinstance(data, dict):
            project = data.get("project")
            if isinstance(project, dict) and isinstance(project.get("name"), str):
                return project["name"]
            poetry = (data.get("tool") or {}).get("poetry") if isinstance(data.get("tool"), dict) else None
            if isinstance(poetry, dict) and isinstance(poetry.get("name"), str):
                return poetry["name"]
        setup_cfg = folder / "setup.cfg"
        if setup_cfg.is_file():
            match = re.search(
                r"^\[metadata\][^\[]*?^name\s*=\s*(\S+)", setup_cfg.read_text(errors="replace"), re.M | re.S
            )
            if match:
                return match.group(1)
        setup_py = folder / "setup.py"
        if setup_py.is_file():
            match = re.search(r"\bname\s*=\s*['\"]([\w.\-]+)['\"]", setup_py.read_text(errors="replace"))
            if match:
                return match.group(1)
    return None


def environment_is_projects(root: Path) -> bool:
    """Whether the interpreter asynclint runs in is the project's own test environment: a
    virtual environment inside the project, or one where the project is installed from its
    own folder (``pip install -e .``). Only then do its installed ``pytest11`` plugins say
    what the project's pytest loads; a release of the same name installed from an index
    says nothing about this checkout."""
    try:
        Path(sys.prefix).resolve().relative_to(root.resolve())
        return True
    except ValueError:
        pass
    name = _project_name(root)
    if not name:
        return False
    try:
        recorded = metadata.distribution(name).read_text("direct_url.json") or ""
        url = json.loads(recorded).get("url", "") if recorded else ""
    except Exception:  # not installed, or a broken distribution: never stop the linter
        return False
    # Installed from this very folder (``pip install -e .``), not a release of the same name.
    if not url.startswith("file://"):
        return False
    installed_from = Path(unquote(urlparse(url).path)).resolve()
    boundary = root.resolve()
    return installed_from == boundary or installed_from in boundary.parents or boundary in installed_from.parents


def _installed(package: str) -> Version | None:
    try:
        return parse_version(metadata.version(package))
    except metadata.PackageNotFoundError:
        return None
    except Exception:  # a broken distribution must not stop the linter
        return None


def _allowed(package: str, spec: str) -> tuple[Version | None, str]:
    """The version a loose specifier means here: the installed release when it satisfies the
    specifier (the project's own environment), else the newest known release it allows."""
    installed = _installed(package)
    allowed = specifier_set(spec) if "||" not in spec else None
    if installed is not None and allowed is not None and allowed.contains(installed, prereleases=True):
        return installed, ", installed"
    return satisfying(package, spec), ""


def _rel(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:
        return str(path)


@lru_cache(maxsize=64)
def project_versions(root: Path, override: str | None = None) -> ProjectVersions:
    """The pytest-asyncio and pytest versions a project at ``root`` runs with (cached)."""
    root = Path(root)
    packages = (PYTEST_ASYNCIO, PYTEST)
    facts: dict[str, VersionFact] = {}
    read: list[str] = []

    def settle(package: str, version: Version | None, source: str, path: Path | None = None) -> None:
        if package not in facts and version is not None:
            facts[package] = VersionFact(package, version, source, str(path) if path else None)

    # 1. command line and [tool.asynclint]
    if override:
        settle(
            PYTEST_ASYNCIO, parse_version(override) or satisfying(PYTEST_ASYNCIO, override), "--pytest-asyncio-version"
        )
    configured, config_path = _config_override(root)
    for package, value in configured.items():
        settle(
            package,
            parse_version(value) or satisfying(package, value),
            f"[tool.asynclint] in {_rel(Path(config_path), root)}" if config_path else "[tool.asynclint]",
        )
    folders = search_folders(root)
    # 2. lock files
    missing_from: str | None = None
    for folder in folders:
        for name in _LOCK_FILES:
            path = folder / name
            if not path.is_file():
                continue
            read.append(str(path))
            locked = lock_versions(path)
            for package in packages:
                settle(package, locked.get(package), f"locked in {_rel(path, root)}", path)
            if PYTEST in locked and PYTEST_ASYNCIO not in locked and PYTEST_ASYNCIO not in facts:
                missing_from = missing_from or _rel(path, root)
    # 3. pinned requirements, 4. specifiers
    loose: list[tuple[str, str, str, Path]] = []
    for folder in folders:
        for path in requirement_files(folder):
            read.append(str(path))
            for line in requirement_lines(path):
                parsed = parse_requirement(line)
                if parsed is None or parsed[0] not in packages:
                    continue
                exact = pinned(parsed[1])
                if exact is not None:
                    settle(parsed[0], exact, f"pinned in {_rel(path, root)}", path)
                else:
                    loose.append((parsed[0], parsed[1], _rel(path, root), path))
    for folder in folders:
        path = folder / "pyproject.toml"
        if not path.is_file():
            continue
        read.append(str(path))
        data = read_toml(path)
        if not isinstance(data, dict):
            continue
        for package, spec, where in pyproject_specs(data):
            if package in packages and package not in facts:
                version, how = _allowed(package, spec)
                settle(package, version, f"{_rel(path, root)} {where}: {spec or 'any version'}{how}", path)
    for package, spec, where, path in loose:
        version, how = _allowed(package, spec)
        settle(package, version, f"{where}: {spec or 'any version'}{how}", path)
    # 5. the running environment, 6. the newest known release
    if missing_from is not None and PYTEST_ASYNCIO not in facts:
        settle(PYTEST_ASYNCIO, newest_known(PYTEST_ASYNCIO), f"not in {missing_from}: not installed")
    else:
        missing_from = None
    own_environment = environment_is_projects(root)
    for package in packages:
        if own_environment:  # another project's environment says nothing about this one
            settle(package, _installed(package), "installed in the project's environment")
        settle(package, newest_known(package), "newest release asynclint knows")
    return ProjectVersions(facts[PYTEST_ASYNCIO], facts[PYTEST], tuple(dict.fromkeys(read)), missing_from)


def set_cli_override(version: str | None) -> None:
    """Make ``--pytest-asyncio-version`` visible to this process and its worker processes."""
    if version:
        os.environ[ENV_OVERRIDE] = version
    else:
        os.environ.pop(ENV_OVERRIDE, None)


def cli_override() -> str | None:
    return os.environ.get(ENV_OVERRIDE) or None


def versions_for(ctx: Any) -> ProjectVersions:
    """The versions for a linted file's project; records the files read for the result cache."""
    return versions_for_index(ctx.index)


def versions_for_index(index: Any) -> ProjectVersions:
    """``versions_for`` given the project index alone (the engine, before rules run)."""
    versions = project_versions(Path(index.root), cli_override())
    consulted = getattr(index, "consulted", None)
    if isinstance(consulted, dict):
        for path in versions.files:
            consulted[f"@{path}"] = path
    return versions


def clear_cache() -> None:
    project_versions.cache_clear()
    _lock_versions.cache_clear()
    _warning_action.cache_clear()


# --------------------------------------------------------------------------- warnings
# Class hierarchy (most specific first) of the warnings the rules talk about.
WARNING_MRO: dict[str, tuple[str, ...]] = {
    "PytestRemovedIn9Warning": (
        "PytestRemovedIn9Warning",
        "PytestDeprecationWarning",
        "PytestWarning",
        "DeprecationWarning",
        "UserWarning",
        "Warning",
    ),
    "PytestDeprecationWarning": (
        "PytestDeprecationWarning",
        "PytestWarning",
        "DeprecationWarning",
        "UserWarning",
        "Warning",
    ),
    "PytestWarning": ("PytestWarning", "UserWarning", "Warning"),
    "PytestCollectionWarning": ("PytestCollectionWarning", "PytestWarning", "UserWarning", "Warning"),
    "DeprecationWarning": ("DeprecationWarning", "Warning"),
    "RuntimeWarning": ("RuntimeWarning", "Warning"),
}
_ACTIONS = ("default", "error", "ignore", "always", "all", "module", "once")


def _filter_action(text: str, category: str) -> str | None:
    """The action of one ``action:message:category:module:lineno`` filter for ``category``."""
    parts = [p.strip() for p in text.split(":")]
    action = next((a for a in _ACTIONS if parts[0] and a.startswith(parts[0].lower())), None)
    if action is None:
        return None
    message = parts[1] if len(parts) > 1 else ""
    wanted = parts[2].rsplit(".", 1)[-1] if len(parts) > 2 and parts[2] else "Warning"
    module = parts[3] if len(parts) > 3 else ""
    if message or module:
        return None  # narrowed to some messages/modules: cannot tell, ignore the filter
    return action if wanted in WARNING_MRO.get(category, (category, "Warning")) else None


def _cmdline_filters(profile: Any) -> list[str]:
    """``-W X`` / ``-WX`` / ``--pythonwarnings=X`` in addopts."""
    raw = getattr(profile, "raw", {}) or {}
    addopts = raw.get("addopts", "")
    items = addopts if isinstance(addopts, (list, tuple)) else [addopts]
    tokens: list[str] = []
    for item in items:
        try:
            tokens.extend(shlex.split(str(item)))
        except ValueError:
            tokens.extend(str(item).split())
    found: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token in ("-W", "--pythonwarnings") and index < len(tokens):
            found.append(tokens[index])
            index += 1
        elif token.startswith("--pythonwarnings="):
            found.append(token.split("=", 1)[1])
        elif token.startswith("-W") and len(token) > 2:
            found.append(token[2:])
    return found


@lru_cache(maxsize=256)
def _warning_action(filters: tuple[str, ...], cmdline: tuple[str, ...], category: str, pytest9: bool) -> str:
    action = "default"
    mro = WARNING_MRO.get(category, (category,))
    if "DeprecationWarning" in mro:
        action = "always"
    if pytest9 and "PytestRemovedIn9Warning" in mro:
        action = "error"
    for text in (*filters, *cmdline):  # later filters take precedence, as in pytest
        found = _filter_action(text, category)
        if found is not None:
            action = found
    return action


def warning_action(profile: Any, category: str, versions: ProjectVersions | None = None) -> str:
    """What pytest does with a warning of ``category`` under this profile: error, ignore, ..."""
    if category == "PytestRemovedIn9Warning" and (versions is None or versions.pytest_at_least(9, 1)):
        return "error"  # pytest 9.1 removed the category: what it warned about now fails, no filter helps
    pytest9 = versions.pytest_at_least(9) if versions is not None else True
    filters = tuple(getattr(profile, "filterwarnings", ()) or ())
    return _warning_action(filters, tuple(_cmdline_filters(profile)), category, pytest9)


def config_name(profile: Any) -> str:
    path = getattr(profile, "config_path", None)
    return Path(path).name if path else "the pytest configuration"


def failure_note(profile: Any, category: str, versions: ProjectVersions | None = None) -> str:
    """``"; `filterwarnings = error` in pytest.ini turns this warning into a failure"`` or ""."""
    if warning_action(profile, category, versions) != "error":
        return ""
    if versions is not None and category == "PytestRemovedIn9Warning" and versions.pytest_at_least(9):
        return ""  # the caller already says pytest 9 makes it an error
    return f"; `filterwarnings = error` in {config_name(profile)} turns this warning into a failure"
