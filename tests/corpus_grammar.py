"""The grammar of ``fixtures_corpus/``, in one place (documented in fixtures_corpus/README.md).

Every test that reads the corpus (corpus, fixer, ``--diff``, oracle and drift tests) asks this
module where the files are, what a file's header says and which lines carry ``# error:``
marks, so the conventions cannot drift apart between test modules again (four parsers once
disagreed on the header separator). It is a plain module rather than ``conftest.py``: tests
import names from it, and pytest's documentation advises against importing ``conftest``.

It also holds the two questions the tests ask the rule registry about fixes, so that the
registry's representation of fix availability is read in exactly one place.
"""

from __future__ import annotations

import re
from pathlib import Path

from asynclint.model import Applicability, FixAvailability
from asynclint.rules import ALL_RULES
from asynclint.rules.base import Rule

REPOSITORY = Path(__file__).resolve().parent.parent
CORPUS = REPOSITORY / "fixtures_corpus"
PROJECTS = CORPUS / "projects"  # multi-file projects, each with its own pytest configuration
FIXES = CORPUS / "fixes"  # golden before/after pairs for --fix

ALL_CODES = frozenset(rule.code for rule in ALL_RULES)

# ``# error: ASL201`` or ``# error: ASL201, ASL202`` anywhere on the line of the finding.
MARK = re.compile(r"#\s*error:\s*(?P<codes>ASL\d{3}(?:\s*,\s*ASL\d{3})*)")

# The header is the file's first line and nothing else: ``# asynclint-test: key=value ...``.
# Items are separated by whitespace (THE separator: never commas); values hold no spaces.
HEADER = re.compile(r"^#\s*asynclint-test:(?P<items>.*)$")
HEADER_KEYS = {
    "asyncio_mode": "pytest-asyncio's mode for this file (strict unless given)",
    "anyio_mode": "anyio's mode (auto runs unmarked coroutine tests)",
    "trio_mode": "pytest-trio's mode (true runs unmarked coroutine tests)",
    "filename": "the name the file is linted, fixed and run as (conftest.py, say)",
}
NEGATIVE_PREFIX = "test_ok_"  # a negative: the whole file must stay silent


# --------------------------------------------------------------------------- header


def header_items(first_line: str) -> dict[str, str]:
    """The ``key=value`` items of a header line; ``{}`` when the line is not a header."""
    match = HEADER.match(first_line.strip())
    if not match:
        return {}
    items: dict[str, str] = {}
    for item in match.group("items").split():
        key, sep, value = item.partition("=")
        if not sep or not key or "," in item:
            raise ValueError(f"header item {item!r} is not key=value (items are separated by spaces): {first_line!r}")
        items[key] = value
    return items


def header_settings(source: str | bytes) -> dict[str, str]:
    """The header of a corpus file's text (or bytes, read as latin-1: the header is ASCII)."""
    text = source.decode("latin-1") if isinstance(source, bytes) else source
    lines = text.splitlines()
    return header_items(lines[0]) if lines else {}


def file_name(path: Path, settings: dict[str, str]) -> str:
    """The name the file is linted and run as: ``filename=`` or its own."""
    return settings.get("filename", path.name)


def pytest_options(settings: dict[str, str]) -> dict[str, str]:
    """The header's pytest ini options (every key but ``filename``)."""
    return {key: value for key, value in settings.items() if key != "filename"}


# --------------------------------------------------------------------------- marks


def marks_in(text: str) -> set[tuple[int, str]]:
    """``{(line, code)}`` of every ``# error:`` mark in ``text``."""
    marks: set[tuple[int, str]] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = MARK.search(line)
        if match:
            marks.update((number, code.strip()) for code in match.group("codes").split(","))
    return marks


def expected_marks(path: Path) -> set[tuple[int, str]]:
    return marks_in(path.read_text(encoding="utf-8"))


def marked_lines(root: Path, codes: set[str]) -> dict[str, set[int]]:
    """``{relative posix path: {lines marked with one of codes}}`` in a file or folder."""
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    base = root.parent if root.is_file() else root
    found: dict[str, set[int]] = {}
    for path in files:
        for line, code in expected_marks(path):
            if code in codes:
                found.setdefault(path.relative_to(base).as_posix(), set()).add(line)
    return found


# --------------------------------------------------------------------------- layout


def is_negative(path: Path) -> bool:
    return path.name.startswith(NEGATIVE_PREFIX)


def single_files() -> list[Path]:
    """Every single-file case: ``fixtures_corpus/<CODE>/*.py``."""
    return sorted(p for p in CORPUS.glob("ASL*/*.py"))


def project_dirs() -> list[Path]:
    return sorted(p for p in PROJECTS.iterdir() if p.is_dir()) if PROJECTS.is_dir() else []


def golden_pairs() -> list[tuple[Path, Path]]:
    """``(before, after)`` of every golden pair: ``fixes/<CODE>/test_x.py`` and ``test_x.fixed.py``."""
    befores = sorted(p for p in FIXES.glob("ASL*/test_*.py") if not p.name.endswith(".fixed.py"))
    return [(before, before.with_name(before.stem + ".fixed.py")) for before in befores]


def golden_befores() -> list[Path]:
    return [before for before, _ in golden_pairs()]


ORACLE_FILE = "oracle.toml"  # what real pytest shows for a folder's files (tests/test_oracle.py)


def oracle_files() -> list[Path]:
    """``<CODE>/oracle.toml``, ``fixes/<CODE>/oracle.toml`` and ``projects/oracle.toml``."""
    return sorted(
        [*CORPUS.glob(f"ASL*/{ORACLE_FILE}"), *FIXES.glob(f"ASL*/{ORACLE_FILE}"), *PROJECTS.glob(ORACLE_FILE)]
    )


# --------------------------------------------------------------------------- the registry's fixes


def has_fix(rule: type[Rule]) -> bool:
    """Whether the rule offers a fix at all (then it needs a golden pair)."""
    return rule.fix_availability is not FixAvailability.NEVER


def fix_is_unsafe(rule: type[Rule]) -> bool:
    """Whether its fix is applied only with ``--unsafe-fixes``."""
    return rule.fix_safety is Applicability.UNSAFE


def fix_label(rule: type[Rule]) -> str:
    """The fix availability as ``asynclint rules`` and the rules tables print it."""
    return rule.fix_label()


FIXABLE = frozenset(rule.code for rule in ALL_RULES if has_fix(rule))
UNSAFE = frozenset(rule.code for rule in ALL_RULES if fix_is_unsafe(rule))
