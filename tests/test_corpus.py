"""fixtures_corpus is the executable spec: every mark must be found, nothing else may be."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asynclint.api import lint_paths, lint_text
from asynclint.config.pytest_config import load_profile
from asynclint.config.settings import Settings
from asynclint.rules import ALL_RULES

CORPUS = Path(__file__).resolve().parent.parent / "fixtures_corpus"
PROJECTS = CORPUS / "projects"
FIXES = CORPUS / "fixes"  # golden before/after pairs for --fix (tests/test_fixer.py)
MARK = re.compile(r"#\s*error:\s*(?P<codes>ASL\d{3}(?:\s*,\s*ASL\d{3})*)")
HEADER = re.compile(r"^#\s*asynclint-test:\s*(?P<settings>.*)$")
ALL_CODES = frozenset(rule.code for rule in ALL_RULES)


def expected_marks(path: Path) -> set[tuple[int, str]]:
    marks = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = MARK.search(line)
        if match:
            marks.update((number, code.strip()) for code in match.group("codes").split(","))
    return marks


def header_settings(source: str) -> dict[str, str]:
    first = source.splitlines()[0] if source else ""
    match = HEADER.match(first)
    if not match:
        return {}
    return dict(item.split("=", 1) for item in match.group("settings").split())


def single_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.py") if PROJECTS not in p.parents and FIXES not in p.parents)


def project_dirs() -> list[Path]:
    return sorted(p for p in PROJECTS.iterdir() if p.is_dir()) if PROJECTS.is_dir() else []


def _profile_for(path: Path, settings: dict[str, str]):
    profile = load_profile(path)
    changes: dict[str, object] = {}
    if "asyncio_mode" in settings:
        changes["asyncio_mode"] = settings["asyncio_mode"]
    if "anyio_mode" in settings:
        changes["anyio_auto"] = settings["anyio_mode"] == "auto"
    if "trio_mode" in settings:
        changes["trio_auto"] = settings["trio_mode"] in ("true", "1", "yes")
    return profile.with_overrides(**changes) if changes else profile


@pytest.mark.parametrize("path", single_files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_single_file(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    settings = header_settings(source)
    filename = path.parent / settings.get("filename", path.name)
    diagnostics = lint_text(source, str(filename), profile=_profile_for(path, settings), root=CORPUS)
    found = {(d.line, d.code) for d in diagnostics if d.code in ALL_CODES}
    assert found == expected_marks(path), "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in diagnostics)


@pytest.mark.parametrize("project", project_dirs(), ids=lambda p: p.name)
def test_project(project: Path) -> None:
    settings = Settings(enabled=ALL_CODES)
    result = lint_paths([str(project)], settings=settings)
    found = {(Path(d.path).resolve(), d.line, d.code) for d in result.diagnostics}
    expected = {(path.resolve(), line, code) for path in project.rglob("*.py") for line, code in expected_marks(path)}
    assert found == expected, "\n".join(
        f"{d.path}:{d.line}:{d.column} {d.code} {d.message}" for d in result.diagnostics
    )


def test_every_rule_has_a_positive_and_a_negative() -> None:
    positives = {code for path in CORPUS.rglob("*.py") for _, code in expected_marks(path)}
    negative_dirs = {p.parent.name for p in CORPUS.glob("ASL*/test_ok_*.py")}
    missing = sorted(c for c in ALL_CODES if c not in positives)
    assert not missing, f"rules without a positive example: {missing}"
    no_negative = sorted(c for c in ALL_CODES if c != "ASL000" and c not in negative_dirs)
    assert not no_negative, f"rules without a negative example: {no_negative}"
