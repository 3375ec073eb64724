"""A rule's documentation is part of its contract: complete, and its examples are true."""

from __future__ import annotations

import pytest

from asynclint.api import lint_text
from asynclint.config.pytest_config import DEFAULT_PROFILE
from asynclint.rules import ALL_RULES, BY_CODE, BY_NAME, find_rule
from asynclint.rules.base import DOC_SECTIONS, Rule


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
        assert rule.fix_availability in ("safe", "unsafe", "none")
        assert find_rule(rule.code) is rule and find_rule(rule.name) is rule
