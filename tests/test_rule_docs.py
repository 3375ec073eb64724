"""A rule's documentation is part of its contract: complete, and its examples are true."""

from __future__ import annotations

from pathlib import Path

import pytest

from asynclint.api import lint_text
from asynclint.config.pytest_config import DEFAULT_PROFILE
from asynclint.report import rule_docs
from asynclint.rules import ALL_RULES, BY_CODE, BY_NAME, find_rule
from asynclint.rules.base import DOC_SECTIONS, DOCS_URL_BASE, Rule


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_every_section_is_present(rule: type[Rule]) -> None:
    missing = [title for title in DOC_SECTIONS if not rule.doc_section(title)]
    assert not missing, f"{rule.code} lacks sections {missing}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_example_produces_the_code(rule: type[Rule]) -> None:
    example = rule.doc_code("Example")
    assert example, f"{rule.code} has no example code block"
    codes = {d.code for d in lint_text(example, "test_example.py", profile=DEFAULT_PROFILE)}
    assert rule.code in codes


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_use_instead_is_silent(rule: type[Rule]) -> None:
    fixed = rule.doc_code("Use instead")
    assert fixed, f"{rule.code} has no 'Use instead' code block"
    diagnostics = lint_text(fixed, "test_example.py", profile=DEFAULT_PROFILE)
    assert [d.code for d in diagnostics] == []


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert len(BY_CODE) == len(ALL_RULES) == len(BY_NAME)
    for rule in ALL_RULES:
        assert rule.code[:3] == "ASL" and rule.code[3:].isdigit() and len(rule.code) == 6
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.fix_label() in ("safe", "unsafe", "none")
        assert find_rule(rule.code) is rule and find_rule(rule.name) is rule


# ---------------------------------------------------------------------------
# docs/rules/: generated from the classes, never edited by hand
# ---------------------------------------------------------------------------
DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def test_rule_pages_match_the_rule_classes() -> None:
    """Fails when a rule's docstring changed without regenerating its page:
    run ``python -m asynclint.report.rule_docs`` from the repository root."""
    on_disk = {page.name: page.read_text(encoding="utf-8") for page in DOCS.glob("*.md")}
    expected = rule_docs.pages()
    assert sorted(on_disk) == sorted(expected), "stale or missing pages: regenerate docs/rules"
    drifted = [name for name in expected if on_disk[name] != expected[name]]
    assert not drifted, f"regenerate docs/rules (python -m asynclint.report.rule_docs): {drifted}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_url_names_its_page(rule: type[Rule]) -> None:
    url = rule.url()
    assert url == f"{DOCS_URL_BASE}{rule.code}.md"
    page = (DOCS.parents[1] / url).read_text(encoding="utf-8")
    assert page.splitlines()[2] == f"# {rule.code} {rule.name}"
    assert rule.doc_section("Why is this bad?") in page


def test_index_links_every_rule_page() -> None:
    index = (DOCS / rule_docs.INDEX).read_text(encoding="utf-8")
    assert [line.split("](")[1].split(")")[0] for line in index.splitlines() if line.startswith("| [")] == [
        f"{rule.code}.md" for rule in ALL_RULES
    ]


def test_regenerating_removes_pages_of_rules_that_are_gone(tmp_path: Path) -> None:
    (tmp_path / "ASL999.md").write_text("old")
    (tmp_path / "notes.txt").write_text("kept")
    assert rule_docs.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*rule_docs.pages(), "notes.txt"])
    for name, content in rule_docs.pages().items():
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text == content and not any(line != line.rstrip() for line in text.splitlines())
