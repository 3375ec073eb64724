"""The ``requires-python`` a project declares, read from its files (never from the host).

Kept in the configuration layer, apart from the parser that uses it, so that what a run
must forget between runs (``clear_cache``) can be forgotten without importing libcst.
"""

from __future__ import annotations

import configparser
import sys
from functools import lru_cache
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@lru_cache(maxsize=256)
def requires_python(folder: Path) -> SpecifierSet | None:
    """The declaration of the nearest project folder (one with pyproject.toml, setup.cfg
    or setup.py) at or above ``folder``; None when it declares nothing readable."""
    for candidate in (folder, *folder.parents):
        if not any((candidate / name).is_file() for name in ("pyproject.toml", "setup.cfg", "setup.py")):
            continue
        declared = _declared_in(candidate)
        try:
            return SpecifierSet(declared) if declared is not None else None
        except InvalidSpecifier:
            return None
    return None


def _declared_in(folder: Path) -> str | None:
    try:
        data = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = {}
    project = data.get("project")
    if isinstance(project, dict) and isinstance(project.get("requires-python"), str):
        return project["requires-python"]
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string((folder / "setup.cfg").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, configparser.Error):
        return None
    value = parser.get("options", "python_requires", fallback=None)
    return value.strip() if value else None


def clear_cache() -> None:
    """A long-lived process (tests, editors) must see an edited ``requires-python``."""
    requires_python.cache_clear()
