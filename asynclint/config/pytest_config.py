"""Find and read the pytest configuration that applies to a linted file.

Many asynclint rules only make sense relative to how pytest will actually run
the suite: an ``async def test_x`` is silently *skipped* under pytest-asyncio's
strict mode but runs under auto mode; a helper named ``check_foo`` is not a
test unless ``python_functions`` says so.  Guessing wrong turns correct code
into false positives (or hides real bugs), so this module mirrors pytest's own
config discovery (``_pytest.config.findpaths``) instead of inventing rules:

* walk up from the file's folder; in each folder the first file of
  ``pytest.toml``, ``.pytest.toml``, ``pytest.ini``, ``.pytest.ini``,
  ``pyproject.toml``, ``tox.ini``, ``setup.cfg`` that carries pytest
  configuration wins;
* read the handful of keys the linter needs, plus the plugin-relevant bits of
  ``addopts`` (``--asyncio-mode``, ``-p NAME``, ``-p no:NAME``).

Nothing here imports pytest: asynclint must work in environments where the
linted project's test dependencies are not installed.
"""

from __future__ import annotations

import configparser
import dataclasses
import fnmatch
import glob
import os
import shlex
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

__all__ = [
    "DEFAULT_PROFILE",
    "KIND_NONE",
    "KIND_PYTEST",
    "KIND_SETUP_CFG",
    "KIND_TOOL_PYTEST",
    "KIND_TOOL_PYTEST_INI_OPTIONS",
    "PytestConfigError",
    "PytestProfile",
    "clear_cache",
    "find_config_file",
    "load_profile",
]

# Section kinds returned by ``find_config_file``.  They are the section/table
# names as written in the file, so they can be shown to users verbatim.
KIND_PYTEST = "pytest"  # [pytest] in pytest.toml / pytest.ini / tox.ini
KIND_TOOL_PYTEST = "tool.pytest"  # pyproject.toml, pytest 9 native TOML
KIND_TOOL_PYTEST_INI_OPTIONS = "tool.pytest.ini_options"  # pyproject.toml, INI-style
KIND_SETUP_CFG = "tool:pytest"  # setup.cfg (also tolerated in pytest.ini)
KIND_NONE = ""  # pytest.ini/pytest.toml that wins despite having no pytest section

_DEDICATED_TOML = ("pytest.toml", ".pytest.toml")
_DEDICATED_INI = ("pytest.ini", ".pytest.ini")
# Same order as pytest's ``locate_config``; the first hit in a folder wins.
_CONFIG_NAMES = (*_DEDICATED_TOML, *_DEDICATED_INI, "pyproject.toml", "tox.ini", "setup.cfg")

_DEFAULT_PYTHON_FILES = ("test_*.py", "*_test.py")
_DEFAULT_PYTHON_CLASSES = ("Test",)
_DEFAULT_PYTHON_FUNCTIONS = ("test",)
# pytest's ``norecursedirs`` default (``_pytest/main.py``); a configured value replaces it.
_DEFAULT_NORECURSEDIRS = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")
_VALID_ASYNCIO_MODES = ("auto", "strict")
# pytest's ``_strtobool`` true values, plus "auto" which pytest-trio users write.
_TRUTHY = frozenset({"1", "y", "yes", "t", "true", "on", "auto"})
# ``-p no:X`` names that unregister pytest-asyncio: its entry-point name and module names.
_ASYNCIO_PLUGIN_NAMES = frozenset({"asyncio", "pytest_asyncio", "pytest_asyncio.plugin"})
_GLOB_CHARS = ("*", "?", "[")

_EMPTY_RAW: Mapping[str, object] = MappingProxyType({})


class PytestConfigError(Exception):
    """A pytest config file exists but cannot be read or parsed.

    pytest itself refuses to run in this situation, so guessing defaults would
    make every finding about the suite untrustworthy; callers should report
    the message (``"<path>: <reason>"``, one line) and stop.
    """


def _fnmatch_ex(pattern: str, path: PurePath) -> bool:
    """Match ``path`` like pytest's ``fnmatch_ex`` does for ``python_files``.

    A pattern without a separator matches the basename only; one with a
    separator matches the whole path, anchored anywhere for absolute paths.
    """
    if sys.platform.startswith("win") and os.sep not in pattern and "/" in pattern:
        pattern = pattern.replace("/", os.sep)
    if os.sep not in pattern:
        return fnmatch.fnmatch(path.name, pattern)
    if path.is_absolute() and not os.path.isabs(pattern):
        pattern = f"*{os.sep}{pattern}"
    return fnmatch.fnmatch(str(path), pattern)


def _matches_prefix_or_glob(name: str, options: Iterable[str]) -> bool:
    """pytest's rule for python_functions/python_classes.

    Each option is a prefix; if it also contains glob characters it is
    additionally tried as an fnmatch pattern (pytest checks the prefix first).
    """
    for option in options:
        if name.startswith(option):
            return True
        if any(char in option for char in _GLOB_CHARS) and fnmatch.fnmatch(name, option):
            return True
    return False


@dataclass(frozen=True)
class PytestProfile:
    """The facts about a pytest configuration that asynclint's rules depend on.

    ``PytestProfile()`` is the profile of a project with no configuration at
    all, i.e. pytest's (and pytest-asyncio's) defaults.
    """

    config_path: Path | None = None
    rootdir: Path | None = None
    asyncio_mode: str = "strict"
    asyncio_mode_source: str = "default"
    asyncio_plugin_enabled: bool = True
    anyio_auto: bool = False
    trio_auto: bool = False
    python_files: tuple[str, ...] = _DEFAULT_PYTHON_FILES
    python_classes: tuple[str, ...] = _DEFAULT_PYTHON_CLASSES
    python_functions: tuple[str, ...] = _DEFAULT_PYTHON_FUNCTIONS
    testpaths: tuple[str, ...] = ()
    pythonpath: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    disabled_plugins: tuple[str, ...] = ()
    filterwarnings: tuple[str, ...] = ()
    norecursedirs: tuple[str, ...] = _DEFAULT_NORECURSEDIRS
    ignore: tuple[str, ...] = ()  # addopts --ignore, as written
    ignore_glob: tuple[str, ...] = ()  # addopts --ignore-glob, as written
    collect_in_virtualenv: bool = False  # addopts --collect-in-virtualenv
    # Read-only mapping; excluded from hashing so profiles stay hashable.
    raw: Mapping[str, object] = field(default_factory=lambda: _EMPTY_RAW, hash=False)

    def with_overrides(self, **changes: Any) -> PytestProfile:
        """Return a copy with ``changes`` applied (e.g. CLI ``--asyncio-mode``)."""
        return dataclasses.replace(self, **changes)

    def is_test_file(self, path: Path) -> bool:
        """Would pytest collect ``path`` as a test module?

        pytest only considers ``.py`` files and matches ``python_files`` against
        the basename (or the whole path for patterns containing a separator).
        ``conftest.py`` is never treated as a test module here: it holds
        fixtures and hooks, and rules about tests must not fire on it.
        """
        pure = PurePath(path)
        if pure.suffix != ".py" or pure.name == "conftest.py":
            return False
        return any(_fnmatch_ex(pattern, pure) for pattern in self.python_files)

    def test_roots(self) -> tuple[Path, ...]:
        """The folders ``testpaths`` names (globs expanded, as pytest does), resolved."""
        if self.rootdir is None:
            return ()
        return _test_roots(self.rootdir, self.testpaths)

    def is_norecursedir(self, folder: Path) -> bool:
        """Does pytest refuse to descend into ``folder`` (``norecursedirs``, fnmatch_ex)?"""
        pure = PurePath(folder)
        return any(_fnmatch_ex(pattern, pure) for pattern in self.norecursedirs)

    def is_ignored(self, path: Path) -> bool:
        """Is ``path`` (absolute, unresolved) named by ``--ignore``/``--ignore-glob`` in addopts?

        pytest makes these options absolute against the folder it was started from. A
        project's own runs start from its rootdir (CI, tox, IDEs), while asynclint may be
        started anywhere (a pre-commit hook runs from the repository root), so the rootdir
        stands in for the starting folder. ``--ignore`` compares whole paths;
        ``--ignore-glob`` is ``fnmatch`` on the whole path, where ``*`` also crosses ``/``.
        """
        if self.rootdir is None or not (self.ignore or self.ignore_glob):
            return False
        text = os.path.abspath(path)
        base = os.path.abspath(self.rootdir)
        if any(text == os.path.abspath(os.path.join(base, entry)) for entry in self.ignore):
            return True
        return any(fnmatch.fnmatch(text, os.path.join(base, pattern)) for pattern in self.ignore_glob)

    def is_test_function_name(self, name: str) -> bool:
        """Does ``name`` match ``python_functions`` (prefix, or glob if it has ``*?[``)?"""
        return _matches_prefix_or_glob(name, self.python_functions)

    def is_test_class_name(self, name: str) -> bool:
        """Does ``name`` match ``python_classes`` (prefix, or glob if it has ``*?[``)?"""
        return _matches_prefix_or_glob(name, self.python_classes)


DEFAULT_PROFILE = PytestProfile()


@lru_cache(maxsize=256)
def _test_roots(rootdir: Path, testpaths: tuple[str, ...]) -> tuple[Path, ...]:
    roots: list[Path] = []
    for entry in testpaths:
        if any(ch in entry for ch in "*?["):
            roots.extend(Path(p).resolve() for p in sorted(glob.glob(str(rootdir / entry), recursive=True)))
        else:
            roots.append((rootdir / entry).resolve())
    return tuple(roots)


# --------------------------------------------------------------------------
# Reading files (cached by path + mtime + size so edits are picked up)
# --------------------------------------------------------------------------


def _one_line(message: str) -> str:
    """Collapse a (possibly multi-line) parser message into one line."""
    return " ".join(message.split())


def _file_key(path: Path) -> tuple[str, int, int]:
    """Cache key that changes whenever the file is edited."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise PytestConfigError(f"{path}: cannot read file: {_one_line(str(exc))}") from exc
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _read_text(path: Path) -> str:
    """Read a config file as UTF-8, turning I/O problems into PytestConfigError."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PytestConfigError(f"{path}: cannot read file: {_one_line(str(exc))}") from exc


@lru_cache(maxsize=256)
def _parse_toml_cached(path_str: str, _mtime_ns: int, _size: int) -> Mapping[str, Any]:
    path = Path(path_str)
    try:
        return tomllib.loads(_read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise PytestConfigError(f"{path}: invalid TOML: {_one_line(str(exc))}") from exc
    except RecursionError:  # tomllib recurses per nesting level; pytest would crash here too
        raise PytestConfigError(f"{path}: invalid TOML: values nested too deeply") from None


def _parse_toml(path: Path) -> Mapping[str, Any]:
    """Parse a TOML file (cached; callers must not mutate the result)."""
    return _parse_toml_cached(*_file_key(path))


@lru_cache(maxsize=256)
def _parse_ini_cached(path_str: str, _mtime_ns: int, _size: int) -> Mapping[str, Mapping[str, str]]:
    path = Path(path_str)
    # interpolation=None: pytest values such as filterwarnings contain "%".
    # strict=False: a duplicate key in some unrelated tool's section of
    # setup.cfg should not stop us from reading [tool:pytest].
    # default_section: pytest's parser has no [DEFAULT] magic, so its keys
    # must not leak into [pytest]; pick a section name nobody writes.
    parser = configparser.ConfigParser(interpolation=None, strict=False, default_section="\0asynclint-no-default")
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep key case, like pytest
    try:
        parser.read_string(_read_text(path), source=str(path))
    except configparser.Error as exc:
        raise PytestConfigError(f"{path}: invalid INI: {_one_line(str(exc))}") from exc
    return {section: dict(parser.items(section, raw=True)) for section in parser.sections()}


def _parse_ini(path: Path) -> Mapping[str, Mapping[str, str]]:
    """Parse an INI file into {section: {key: value}} (cached; do not mutate)."""
    return _parse_ini_cached(*_file_key(path))


# --------------------------------------------------------------------------
# Finding the config file
# --------------------------------------------------------------------------


def _pyproject_section(data: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]] | None:
    """Pick the pytest table of a parsed pyproject.toml.

    pytest 9 reads native ``[tool.pytest]`` (any key besides ``ini_options``)
    and legacy ``[tool.pytest.ini_options]``.  pytest refuses files that use
    both; we prefer the native table instead of failing, since that is what
    the author is migrating towards.  An empty ``[tool.pytest]`` does not
    count (pytest ignores it), an empty ``[tool.pytest.ini_options]`` does.
    """
    tool = data.get("tool")
    tool_pytest = tool.get("pytest") if isinstance(tool, Mapping) else None
    if not isinstance(tool_pytest, Mapping):
        return None
    native = {key: value for key, value in tool_pytest.items() if key != "ini_options"}
    if native:
        return KIND_TOOL_PYTEST, native
    ini_options = tool_pytest.get("ini_options")
    if isinstance(ini_options, Mapping):
        return KIND_TOOL_PYTEST_INI_OPTIONS, ini_options
    return None


def _dedicated_toml_section(data: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    """pytest.toml/.pytest.toml always win; keys live in a ``[pytest]`` table."""
    table = data.get("pytest")
    if isinstance(table, Mapping):
        return KIND_PYTEST, table
    return KIND_NONE, {}


def _dedicated_ini_section(
    sections: Mapping[str, Mapping[str, str]],
) -> tuple[str, Mapping[str, str]]:
    """pytest.ini/.pytest.ini always win; ``[pytest]`` preferred, ``[tool:pytest]`` tolerated."""
    for kind in (KIND_PYTEST, KIND_SETUP_CFG):
        if kind in sections:
            return kind, sections[kind]
    return KIND_NONE, {}


def _config_section(path: Path) -> tuple[str, Mapping[str, Any]] | None:
    """Return (kind, key/values) if ``path`` holds pytest config, else None.

    The file name decides which sections count.  A ``[pytest]`` section in
    setup.cfg is not accepted (pytest aborts on it), so it is skipped.
    """
    name = path.name
    if name in _DEDICATED_TOML:
        return _dedicated_toml_section(_parse_toml(path))
    if name in _DEDICATED_INI:
        return _dedicated_ini_section(_parse_ini(path))
    if name == "pyproject.toml":
        return _pyproject_section(_parse_toml(path))
    wanted = KIND_PYTEST if name == "tox.ini" else KIND_SETUP_CFG
    sections = _parse_ini(path)
    return (wanted, sections[wanted]) if wanted in sections else None


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that treats unreadable locations as absent."""
    try:
        return path.is_file()
    except OSError:
        return False


def _start_dir(start: Path) -> Path:
    """Absolute folder to search from: the path itself, its folder if a file,
    or its nearest existing ancestor if it does not exist.

    Like pytest, the path is made absolute without resolving symlinks.
    """
    current = Path(os.path.abspath(start))
    while not current.exists() and current != current.parent:
        current = current.parent
    return current.parent if current.is_file() else current


def find_config_file(start: Path) -> tuple[Path, str] | None:
    """Walk up from start (a file's folder or a folder) to the filesystem root.

    In each folder check, in this order:
    pytest.toml, .pytest.toml, pytest.ini, .pytest.ini -> these win as soon as
    they exist, even if empty / without a section;
    pyproject.toml -> only if it has a [tool.pytest] table (pytest 9 native
    TOML) or [tool.pytest.ini_options];
    tox.ini -> only if it has a [pytest] section;
    setup.cfg -> only if it has a [tool:pytest] section.

    Return (path, section-kind) for the first match, else None.  The kind is
    one of the ``KIND_*`` constants (``KIND_NONE`` for a sectionless
    pytest.ini/pytest.toml).  Raises PytestConfigError if a candidate that
    must be inspected cannot be parsed, because pytest would abort there too.
    """
    return _config_in_or_above(_start_dir(start))


@lru_cache(maxsize=8192)
def _config_in_or_above(directory: Path) -> tuple[Path, str] | None:
    """``find_config_file`` for one folder, reusing its parent's answer: a walk over
    thousands of folders looks at each folder's candidates once, not once per child."""
    for name in _CONFIG_NAMES:
        candidate = directory / name
        if not _is_file(candidate):
            continue
        found = _config_section(candidate)
        if found is not None:
            return candidate, found[0]
    return None if directory.parent == directory else _config_in_or_above(directory.parent)


@lru_cache(maxsize=8192)
def _nearest_pyproject(directory: Path) -> Path | None:
    """pytest's fallback: with no config anywhere, the nearest pyproject.toml
    (even without a pytest table) becomes the configfile and sets rootdir."""
    candidate = directory / "pyproject.toml"
    if _is_file(candidate):
        return candidate
    return None if directory.parent == directory else _nearest_pyproject(directory.parent)


# --------------------------------------------------------------------------
# Interpreting values
# --------------------------------------------------------------------------


def _split_args(text: str) -> list[str]:
    """Split like pytest's "args"/"paths" ini types (shlex), tolerating bad quoting."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def _as_args(value: object) -> tuple[str, ...]:
    """A list-valued key: INI string -> split; TOML list -> items as strings."""
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value)
    return tuple(_split_args(str(value)))


def _as_lines(value: object) -> tuple[str, ...]:
    """A "linelist" key such as filterwarnings: one entry per non-empty line."""
    if isinstance(value, (list, tuple)):
        return tuple(str(item).strip() for item in value if str(item).strip())
    return tuple(line.strip() for line in str(value).splitlines() if line.strip())


def _addopts_tokens(value: object) -> list[str]:
    """addopts as argv tokens; each item of a TOML list is split on its own."""
    items = value if isinstance(value, (list, tuple)) else [value]
    tokens: list[str] = []
    for item in items:
        tokens.extend(_split_args(str(item)))
    return tokens


def _truthy(value: object) -> bool:
    """pytest "bool" ini semantics (TOML booleans or yes/true/on/1 strings)."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUTHY


@dataclass
class _AddoptsFacts:
    """What asynclint cares about in ``addopts``."""

    asyncio_mode: str | None = None  # last --asyncio-mode, as written
    anyio_mode: str | None = None  # last --anyio-mode value (anyio compares exactly)
    plugins: list[str] = field(default_factory=list)
    disabled_plugins: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)  # --ignore values (repeatable)
    ignore_glob: list[str] = field(default_factory=list)  # --ignore-glob values (repeatable)
    collect_in_virtualenv: bool = False

    def record_plugin(self, arg: str) -> None:
        """Mirror pytest's ``consider_pluginarg``: ``no:NAME`` blocks, else loads."""
        arg = arg.strip()
        if arg.startswith("no:"):
            if arg[3:]:
                self.disabled_plugins.append(arg[3:])
        elif arg:
            self.plugins.append(arg)


def _option_value(token: str, option: str, tokens: Sequence[str], index: int) -> tuple[str | None, int]:
    """Value of ``option`` at ``tokens[index-1] == token`` in ``--opt=v`` or ``--opt v`` form.

    Returns (value or None, next index).  pytest disables argparse prefix
    abbreviations, so only the exact option name counts.
    """
    if token == option:
        if index < len(tokens):
            return tokens[index], index + 1
        return None, index
    if token.startswith(option + "="):
        return token[len(option) + 1 :], index
    return None, index


def _scan_addopts(tokens: Sequence[str]) -> _AddoptsFacts:
    """Scan addopts tokens left to right, as argparse / pytest's preparse would.

    ``-p`` consumes the following token, so a plugin named e.g.
    ``--asyncio-mode`` is never mistaken for the option.  ``-p=X`` is not a
    form pytest understands and is ignored.  Later options win.
    """
    facts = _AddoptsFacts()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token == "-p":
            if index < len(tokens):
                facts.record_plugin(tokens[index])
                index += 1
        elif token.startswith("-p") and not token.startswith("-p="):
            facts.record_plugin(token[2:])
        elif token.startswith("--asyncio-mode"):
            value, index = _option_value(token, "--asyncio-mode", tokens, index)
            facts.asyncio_mode = value if value is not None else facts.asyncio_mode
        elif token.startswith("--anyio-mode"):
            value, index = _option_value(token, "--anyio-mode", tokens, index)
            facts.anyio_mode = value if value is not None else facts.anyio_mode
        elif token.startswith("--ignore-glob"):
            value, index = _option_value(token, "--ignore-glob", tokens, index)
            if value is not None:
                facts.ignore_glob.append(value)
        elif token.startswith("--ignore"):
            value, index = _option_value(token, "--ignore", tokens, index)
            if value is not None:
                facts.ignore.append(value)
        elif token == "--collect-in-virtualenv":
            facts.collect_in_virtualenv = True
    return facts


def _section_label(path: Path, kind: str) -> str:
    """Human label such as ``pyproject.toml [tool.pytest.ini_options]``."""
    return f"{path.name} [{kind}]" if kind else path.name


def _resolve_asyncio_mode(
    values: Mapping[str, Any], facts: _AddoptsFacts, path: Path, kind: str, plugin_enabled: bool
) -> tuple[str, str]:
    """Return (mode, source).  ``--asyncio-mode`` in addopts beats the key, as
    in pytest-asyncio where the option overrides the ini value.

    pytest-asyncio compares the value exactly (``Mode(value)``): ``bogus``, ``AUTO`` or
    ``" auto"`` make it raise a UsageError for every test, so asynclint refuses the
    configuration too instead of guessing a mode.  With the plugin disabled
    (``-p no:asyncio``) nobody reads the value and it is not checked.
    """
    if facts.asyncio_mode is not None:
        mode, source = facts.asyncio_mode, f"addopts --asyncio-mode in {path.name}"
        key = "addopts --asyncio-mode"
    elif "asyncio_mode" in values:
        mode, source = values["asyncio_mode"], f"{_section_label(path, kind)} asyncio_mode"
        key = "asyncio_mode"
    else:
        return DEFAULT_PROFILE.asyncio_mode, DEFAULT_PROFILE.asyncio_mode_source
    if mode in _VALID_ASYNCIO_MODES:
        return mode, source
    if not plugin_enabled:
        return DEFAULT_PROFILE.asyncio_mode, DEFAULT_PROFILE.asyncio_mode_source
    raise PytestConfigError(
        f"{path}: [{kind}] {key}: {mode!r} is not a valid asyncio_mode "
        "(pytest-asyncio accepts 'auto' or 'strict' and fails every test otherwise)"
    )


def _anyio_auto(values: Mapping[str, Any], facts: _AddoptsFacts) -> bool:
    """anyio's plugin: ``--anyio-mode auto`` or ini ``anyio_mode = auto`` (exact match)."""
    if facts.anyio_mode is not None and facts.anyio_mode.strip() == "auto":
        return True
    return str(values.get("anyio_mode", "")).strip() == "auto"


def _freeze(value: object) -> object:
    """Make parsed TOML values immutable so the frozen profile really is."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: _freeze(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


def _list_key(values: Mapping[str, Any], key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """A list-valued key if present (even if empty, as pytest would), else default."""
    return _as_args(values[key]) if key in values else default


# The keys asynclint reads from pytest's configuration, by the type pytest gives them.
_LIST_KEYS = (  # "args"/"paths"/"linelist": a string (INI) or a list of strings (TOML)
    "addopts",
    "python_files",
    "python_classes",
    "python_functions",
    "testpaths",
    "pythonpath",
    "norecursedirs",
    "filterwarnings",
)
_SPLIT_KEYS = frozenset(_LIST_KEYS) - {"filterwarnings"}  # split with shlex when a string
_STRING_KEYS = ("asyncio_mode", "anyio_mode")
_BOOL_KEYS = ("trio_mode",)


def _value_problem(key: str, value: object, native_toml: bool) -> str | None:
    """What is wrong with one value, or None.

    Mirrors what makes pytest 9 refuse or crash on a value: native TOML
    (``pytest.toml``, ``[tool.pytest]``) wants real lists for list keys; a list
    item that is not a string crashes pytest's matching later; an unbalanced
    quote crashes its ``shlex`` split; a NUL character is no valid path or
    pattern.  Tables and numbers are nowhere meaningful for these keys.
    """
    if key in _LIST_KEYS:
        if isinstance(value, list):
            bad = next((item for item in value if not isinstance(item, str)), None)
            if bad is not None:
                return f"expects a list of strings, but has the item {bad!r} ({type(bad).__name__})"
            items = value
        elif isinstance(value, str) and not native_toml:
            items = [value]
        else:
            return f"expects a list of strings, got {type(value).__name__}: {value!r}"
    elif isinstance(value, str) or (key in _BOOL_KEYS and isinstance(value, bool)):
        items = [value] if isinstance(value, str) else []
    else:
        return f"expects a string, got {type(value).__name__}: {value!r}"
    if any("\0" in item for item in items):
        return "contains a NUL character"
    if key in _SPLIT_KEYS and isinstance(value, str):
        try:
            shlex.split(value)
        except ValueError as exc:
            return f"cannot be split into arguments: {exc}"
    return None


def _check_values(path: Path, kind: str, values: Mapping[str, Any]) -> None:
    """Refuse a malformed value of a key asynclint reads: one line naming file and key.

    pytest refuses (or crashes on) such a configuration too, so no finding computed
    from a guess would be about the suite pytest really runs.
    """
    native_toml = path.suffix == ".toml" and kind != KIND_TOOL_PYTEST_INI_OPTIONS
    for key in (*_LIST_KEYS, *_STRING_KEYS, *_BOOL_KEYS):
        if key in values:
            problem = _value_problem(key, values[key], native_toml)
            if problem is not None:
                raise PytestConfigError(f"{path}: [{kind}] {key}: {_one_line(problem)}")


def _profile_from_section(path: Path, kind: str, values: Mapping[str, Any]) -> PytestProfile:
    """Build the profile for one config file's pytest section."""
    _check_values(path, kind, values)
    facts = _scan_addopts(_addopts_tokens(values["addopts"]) if "addopts" in values else [])
    plugin_enabled = not _ASYNCIO_PLUGIN_NAMES.intersection(facts.disabled_plugins)
    mode, source = _resolve_asyncio_mode(values, facts, path, kind, plugin_enabled)
    return PytestProfile(
        config_path=path,
        rootdir=path.parent,
        asyncio_mode=mode,
        asyncio_mode_source=source,
        asyncio_plugin_enabled=plugin_enabled,
        anyio_auto=_anyio_auto(values, facts),
        trio_auto=_truthy(values["trio_mode"]) if "trio_mode" in values else False,
        python_files=_list_key(values, "python_files", _DEFAULT_PYTHON_FILES),
        python_classes=_list_key(values, "python_classes", _DEFAULT_PYTHON_CLASSES),
        python_functions=_list_key(values, "python_functions", _DEFAULT_PYTHON_FUNCTIONS),
        testpaths=_list_key(values, "testpaths", ()),
        pythonpath=_list_key(values, "pythonpath", ()),
        plugins=tuple(facts.plugins),
        disabled_plugins=tuple(facts.disabled_plugins),
        filterwarnings=_as_lines(values["filterwarnings"]) if "filterwarnings" in values else (),
        norecursedirs=_list_key(values, "norecursedirs", _DEFAULT_NORECURSEDIRS),
        ignore=tuple(facts.ignore),
        ignore_glob=tuple(facts.ignore_glob),
        collect_in_virtualenv=facts.collect_in_virtualenv,
        raw=MappingProxyType({key: _freeze(value) for key, value in values.items()}),
    )


# --------------------------------------------------------------------------
# Public entry point with caching
# --------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _profile_for_config(path_str: str, kind: str, _mtime_ns: int, _size: int) -> PytestProfile:
    """One profile per config file version, shared by every file it governs."""
    path = Path(path_str)
    found = _config_section(path)
    values = found[1] if found is not None and found[0] == kind else {}
    return _profile_from_section(path, kind, values)


@lru_cache(maxsize=4096)
def _profile_for_dir(directory: Path) -> PytestProfile:
    """Per-folder cache so linting thousands of files walks each folder once."""
    found = find_config_file(directory)
    if found is not None:
        path, kind = found
        return _profile_for_config(str(path), kind, *_file_key(path)[1:])
    fallback = _nearest_pyproject(directory)
    if fallback is not None:
        return dataclasses.replace(DEFAULT_PROFILE, config_path=fallback, rootdir=fallback.parent)
    return DEFAULT_PROFILE


def load_profile(path: Path) -> PytestProfile:
    """Return the pytest profile governing ``path`` (a file or a folder).

    The config is found by walking up from the file's folder (see
    ``find_config_file``).  When no file carries pytest configuration but a
    ``pyproject.toml`` exists on the way up, pytest still uses it as its
    configfile/rootdir, so the profile reports it with all-default values.
    Results are cached per folder and per config file; call ``clear_cache``
    if config files may change during a long-running process.
    """
    return _profile_for_dir(_start_dir(Path(path)))


def clear_cache() -> None:
    """Forget cached lookups and parsed files (for watch modes and tests)."""
    _profile_for_dir.cache_clear()
    _config_in_or_above.cache_clear()
    _nearest_pyproject.cache_clear()
    _profile_for_config.cache_clear()
    _parse_toml_cached.cache_clear()
    _parse_ini_cached.cache_clear()
