"""Fixtures and helpers shared by the test modules that drive the command line.

Each such test builds a tiny project under ``tmp_path`` (with its own ``pytest.ini``, so
pytest-config discovery never wanders up into the real repository) with the project as the
current folder, and runs ``asynclint.cli.main`` in-process through click's ``CliRunner``.
The helpers live here, once, instead of in copies per module; modules import them with
``from conftest import ...`` (the corpus conventions are in ``corpus_grammar``).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from asynclint.cli import main
from asynclint.engine.cache import ENV_CACHE_DIR

# ---------------------------------------------------------------------------
# Sample sources
# ---------------------------------------------------------------------------

# Three findings, at fixed positions: ASL101 10:11, ASL201 16:5, ASL301 17:5.
BAD = """\
import time

import pytest


async def save(item):
    return item


async def test_unmarked():
    pass


@pytest.mark.asyncio
async def test_save():
    save("x")
    time.sleep(1)
"""
BAD_FINDINGS = [("test_a.py", 10, 11, "ASL101"), ("test_a.py", 16, 5, "ASL201"), ("test_a.py", 17, 5, "ASL301")]

CLEAN = """\
import pytest


async def save(item):
    return item


@pytest.mark.asyncio
async def test_save():
    await save("x")
"""

# One ASL201 at 6:5 and nothing else, whatever the asyncio mode.
UNAWAITED = """\
async def fetch():
    return 1


def test_fetch():
    fetch()
"""

ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Variables that change what the command line prints (colour, width, CI annotations and
# progress): cleared for every in-process run unless a test sets them.
_OUTPUT_ENVIRONMENT = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES", "GITHUB_ACTIONS", "CI")


# ---------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder that is also the current directory (so the cache lands there,
    whatever ``ASYNCLINT_CACHE_DIR`` the environment sets)."""
    root = tmp_path / "proj"
    root.mkdir()
    monkeypatch.chdir(root)
    monkeypatch.delenv(ENV_CACHE_DIR, raising=False)
    return root


def write(root: Path, files: dict[str, str], ini: str | None = "[pytest]\n") -> Path:
    """Write ``files`` (relative path -> dedented text) under ``root``; add a ``pytest.ini``
    holding ``ini`` unless ``files`` has one or ``ini`` is None."""
    if ini is not None and "pytest.ini" not in files:
        files = {"pytest.ini": ini, **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def invoke(*args: str, input: str | None = None, env: dict[str, str | None] | None = None) -> Result:
    """Run ``asynclint ARGS`` in-process, output variables cleared unless ``env`` sets them."""
    base: dict[str, str | None] = dict.fromkeys(_OUTPUT_ENVIRONMENT)
    base.update(env or {})
    return CliRunner().invoke(main, list(args), input=input, env=base, catch_exceptions=False)


def concise_positions(stdout: str) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of each ``path:line:col: CODE ...`` line."""
    found = []
    for line in stdout.splitlines():
        match = re.match(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>ASL\d{3})(?: \[\*\])? \S", line)
        assert match, f"not in concise format: {line!r}"
        found.append((match["path"], int(match["line"]), int(match["col"]), match["code"]))
    return found


def codes(stdout: str) -> list[str]:
    return [code for *_, code in concise_positions(stdout)]
