"""Run settings: which rules, which files, which mode — from ``[tool.asynclint]`` and the CLI."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pathspec
from packaging.version import InvalidVersion, Version

from asynclint.catalogue import UnknownRuleError, apply_selection_layer, resolve_selection

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class SettingsError(Exception):
    """Bad user input (unknown rule, bad config): reported in one line, exit code 2."""


DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
_SIZE = re.compile(r"\s*(\d+)\s*(|B|KB|MB)\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "kb": 1024, "mb": 1024 * 1024}


def _size(value: object, where: str) -> int:
    """``max-file-size``: bytes as an integer, or a string such as ``"5MB"`` / ``"512KB"``."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    match = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise SettingsError(f'{where}: \'max-file-size\' must be a size such as 2097152, "5MB" or "512KB"')
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # empty: every default rule
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    asyncio_mode: str | None = None  # override of the pytest config's mode
    asyncio_mode_source: str = ""
    config_root: Path | None = None  # folder of the pyproject.toml that held [tool.asynclint]
    config_path: Path | None = None  # that file (or --config's), None when none was read
    enabled: frozenset[str] = field(default=frozenset())
    # Files above this many bytes are skipped with a warning (0: no limit): libcst's tree
    # takes about 0.9 GB per MB of test code, so the default keeps a run within 2 GB.
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    # ``--pytest-asyncio-version``: plain data, so worker processes receive it with the task.
    pytest_asyncio_version: str | None = None

    def fingerprint(self) -> str:
        """Identifies the settings that change findings (for the result cache)."""
        text = repr(
            (
                sorted(self.enabled),
                self.per_file_ignores,
                self.asyncio_mode,
                self.max_file_size,
                self.pytest_asyncio_version,
            )
        )
        return hashlib.sha1(text.encode()).hexdigest()[:16]

    def is_excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        return _spec(self.exclude).match_file(_relative(path, self.config_root))

    def ignored_for(self, path: Path) -> frozenset[str]:
        codes: set[str] = set()
        for pattern, pattern_codes in self.per_file_ignores:
            if _spec((pattern,)).match_file(_relative(path, self.config_root)):
                codes.update(pattern_codes)
        return frozenset(codes)


def _relative(path: Path, root: Path | None) -> str:
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_SPECS: dict[tuple[str, ...], pathspec.GitIgnoreSpec] = {}


def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """Patterns mean what they mean in .gitignore, as users of other linters expect."""
    spec = _SPECS.get(patterns)
    if spec is None:
        spec = _SPECS[patterns] = pathspec.GitIgnoreSpec.from_lines(patterns)
    return spec


def find_pyproject_settings(start: Path, parsed: dict[Path, dict] | None = None) -> tuple[Path, dict] | None:
    """The nearest pyproject.toml above ``start`` that has a ``[tool.asynclint]`` table.

    ``parsed`` is the caller's memo of files already read: grouping a run's files by their
    config asks once per folder, and every folder of a project reaches the same file."""
    start = start.resolve()
    memo: dict[Path, dict] = parsed if parsed is not None else {}
    for folder in (start, *start.parents) if start.is_dir() else start.parents:
        candidate = folder / "pyproject.toml"
        if candidate in memo or candidate.is_file():
            try:
                data = memo.get(candidate)
                if data is None:
                    data = memo[candidate] = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SettingsError(f"{candidate}: cannot read configuration: {' '.join(str(exc).split())}") from None
            except RecursionError:  # tomllib recurses once per nesting level
                raise SettingsError(f"{candidate}: cannot read configuration: values nested too deeply") from None
            tool = data.get("tool", {})
            if not isinstance(tool, dict):
                raise SettingsError(f"{candidate}: 'tool' must be a table, not {type(tool).__name__}")
            table = tool.get("asynclint")
            if table is not None:
                if not isinstance(table, dict):
                    raise SettingsError(f"{candidate}: [tool.asynclint] must be a table")
                return candidate, table
    return None


def _strings(value: object, key: str, where: str, what: str) -> tuple[str, ...]:
    """A string or a list of strings (``what`` names the items in the error)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{where}: '{key}' must be a list of {what}")
    if any("\0" in v for v in value):
        raise SettingsError(f"{where}: '{key}' contains a NUL character")
    return tuple(value)


def _codes(value: object, key: str, where: str) -> tuple[str, ...]:
    return _strings(value, key, where, "rule codes")


def _check_version_keys(table: dict, where: str) -> None:
    """``pytest-asyncio-version``/``pytest-version`` pin what rules assume: a typo must not
    silently fall back to the detected versions."""
    for key in ("pytest-asyncio-version", "pytest-version"):
        if key in table:
            value = table[key]
            if not isinstance(value, str) or not _is_version(value):
                raise SettingsError(f"{where}: '{key}' must be a version such as \"0.23.8\", not {value!r}")


def _is_version(text: str) -> bool:
    """A PEP 440 version (settings sit below ``versions``, which reads them: no import back)."""
    try:
        Version(text.strip())
    except InvalidVersion:
        return False
    return True


_KNOWN_KEYS = {
    "select",
    "ignore",
    "exclude",
    "per-file-ignores",
    "asyncio-mode",
    "extend-select",
    "pytest-asyncio-version",
    "pytest-version",
    "max-file-size",
}


def read_config_file(path: Path) -> tuple[Path, dict]:
    """``--config PATH``: a ``pyproject.toml`` (its ``[tool.asynclint]`` table) or a TOML file
    holding the keys at top level, so a shared file can sit outside the project."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"--config: no such file: {path}") from None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise SettingsError(f"{path}: cannot read configuration: {exc}") from None
    if path.name == "pyproject.toml" or "tool" in data:
        tool = data.get("tool")
        table = tool.get("asynclint") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise SettingsError(f"{path}: no [tool.asynclint] table")
        return path, table
    return path, data


def load_settings(
    start: Path,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    asyncio_mode: str | None = None,
    *,
    extend_select: Iterable[str] = (),
    per_file_ignores: Iterable[tuple[str, Iterable[str]]] | None = None,
    config_file: Path | None = None,
    isolated: bool = False,
    pytest_asyncio_version: str | None = None,
) -> Settings:
    """Merge ``[tool.asynclint]`` with command-line options (the command line wins).

    ``config_file`` replaces the upward search (``--config``); ``isolated`` reads no
    configuration at all (``--isolated``). ``per_file_ignores`` from the command line
    replace the table of the configuration, as ``--select`` replaces ``select``.
    """
    if isolated:
        found = None
    elif config_file is not None:
        found = read_config_file(config_file)
    else:
        found = find_pyproject_settings(start)
    table: dict = {}
    root: Path | None = None
    config_path: Path | None = None
    if found is not None:
        config_path, table = found
        root = config_path.parent
        unknown = set(table) - _KNOWN_KEYS
        if unknown:
            raise SettingsError(f"{config_path}: unknown key(s) in [tool.asynclint]: {', '.join(sorted(unknown))}")
        where = str(config_path)
    else:
        where = "configuration"
    cfg_select = _codes(table.get("select", []), "select", where)
    extend = _codes(table.get("extend-select", []), "extend-select", where)
    cfg_ignore = _codes(table.get("ignore", []), "ignore", where)
    exclude = _strings(table.get("exclude", []), "exclude", where, "path patterns")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise SettingsError(f"{where}: 'per-file-ignores' must be a table of pattern = [codes]")
    per_file_codes = [
        (pattern, _codes(codes, f"per-file-ignores.{pattern}", where)) for pattern, codes in per_file.items()
    ]
    _check_version_keys(table, where)
    defaults = resolve_selection((), default_all=True)
    try:
        cfg_per_file = tuple((pattern, resolve_selection(codes)) for pattern, codes in per_file_codes)
        cfg_enabled = apply_selection_layer(defaults, cfg_select or None, extend, cfg_ignore)
    except UnknownRuleError as exc:  # resolve_selection does not know the file: name it once
        raise SettingsError(f"{where}: {exc}") from None
    mode_source = "command line" if asyncio_mode else f"{where} [tool.asynclint] asyncio-mode"
    mode = asyncio_mode or table.get("asyncio-mode")
    if mode is not None and mode not in ("strict", "auto"):
        raise SettingsError(f"{where}: 'asyncio-mode' must be 'strict' or 'auto', not {mode!r}")
    select = tuple(select)
    ignore = tuple(ignore)
    try:
        enabled = apply_selection_layer(cfg_enabled, select or None, tuple(extend_select), ignore)
        if per_file_ignores is None:
            file_ignores = cfg_per_file
        else:
            file_ignores = tuple((pattern, resolve_selection(codes)) for pattern, codes in per_file_ignores)
    except UnknownRuleError as exc:
        raise SettingsError(str(exc)) from None
    return Settings(
        select=select or cfg_select,
        ignore=ignore + cfg_ignore,
        exclude=exclude,
        per_file_ignores=tuple((p, tuple(sorted(c))) for p, c in file_ignores),
        asyncio_mode=mode,
        asyncio_mode_source=mode_source if mode else "",
        config_root=root,
        config_path=config_path,
        enabled=frozenset(enabled),
        max_file_size=_size(table.get("max-file-size", DEFAULT_MAX_FILE_SIZE), where),
        pytest_asyncio_version=pytest_asyncio_version,
    )


def with_enabled(settings: Settings, enabled: Iterable[str]) -> Settings:
    return replace(settings, enabled=frozenset(enabled))
