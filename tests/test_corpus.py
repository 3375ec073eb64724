"""fixtures_corpus is the executable spec: every mark must be found, nothing else may be.

The conventions (layout, header, marks) are in fixtures_corpus/README.md and are read by
``corpus_grammar`` only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_grammar import (
    ALL_CODES,
    CORPUS,
    HEADER_KEYS,
    MARK,
    NEGATIVE_PREFIX,
    PROJECTS,
    expected_marks,
    file_name,
    header_settings,
    is_negative,
    project_dirs,
    single_files,
)

from asynclint.api import lint_paths, lint_text
from asynclint.config.pytest_config import PytestProfile, load_profile
from asynclint.config.settings import Settings


def _profile_for(path: Path, settings: dict[str, str]) -> PytestProfile:
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
    filename = path.parent / file_name(path, settings)
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
    negative_dirs = {p.parent.name for p in single_files() if is_negative(p)}
    missing = sorted(c for c in ALL_CODES if c not in positives)
    assert not missing, f"rules without a positive example: {missing}"
    no_negative = sorted(c for c in ALL_CODES if c != "ASL000" and c not in negative_dirs)
    assert not no_negative, f"rules without a negative example: {no_negative}"


def test_every_corpus_folder_names_a_rule() -> None:
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()} - {"projects", "fixes", "__pycache__"}
    assert sorted(folders - ALL_CODES) == []


def test_headers_use_the_one_grammar() -> None:
    """A header is the first line only, with known keys; a header-like line anywhere else
    would be silently ignored, so it is an error."""
    for path in sorted(CORPUS.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert not any("asynclint-test:" in line for line in lines[1:]), f"{path}: header not on line 1"
        settings = header_settings(lines[0] if lines else "")
        unknown = sorted(set(settings) - set(HEADER_KEYS))
        assert not unknown, f"{path}: unknown header keys {unknown} (known: {sorted(HEADER_KEYS)})"
    with pytest.raises(ValueError):
        header_settings("# asynclint-test: asyncio_mode=auto, filename=conftest.py")


def test_negatives_carry_no_marks() -> None:
    for path in CORPUS.rglob(f"{NEGATIVE_PREFIX}*.py"):
        assert not MARK.search(path.read_text(encoding="utf-8")), path


def test_project_folders_are_projects() -> None:
    """Every folder under projects/ has its own pytest configuration (its marks are checked
    by linting the folder as a whole)."""
    configs = ("pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg")
    for project in project_dirs():
        assert any((project / name).is_file() for name in configs), f"{project.relative_to(PROJECTS)}"
