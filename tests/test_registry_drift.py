"""The rule class is the single source: everything that lists rules follows the registry.

Adding a rule touches its module, its corpus folder and, when it has a fix, its golden folder
(fixtures_corpus/README.md). Everything else that names rules is generated from
``asynclint.rules.ALL_RULES`` or checked against it here: the README's rules table,
``asynclint rules``, hand-written lists of unsafe-fix codes, the golden coverage of
``fixtures_corpus/fixes/``. The oracle coverage (every rule proven by real pytest, or listed
as impossible to prove) is ``test_every_rule_has_an_oracle_case`` in tests/test_oracle.py,
beside the cases it counts; the docs/rules pages are tests/test_rule_docs.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_grammar import FIXABLE, FIXES, REPOSITORY, UNSAFE, fix_label, golden_pairs, has_fix

from asynclint.cli import main
from asynclint.report import rule_docs
from asynclint.rules import ALL_RULES, BY_CODE
from asynclint.rules.base import Rule

README = REPOSITORY / "README.md"
CODE = re.compile(r"\bASL\d{3}\b")


def hand_written_docs() -> list[Path]:
    """Markdown written by people (the generated rule pages excluded)."""
    docs = [README, REPOSITORY / "bench" / "README.md", *sorted((REPOSITORY / "fixtures_corpus").rglob("*.md"))]
    return [path for path in docs if path.is_file()]


def without_generated_table(text: str) -> str:
    start, end = text.find(rule_docs.README_TABLE_START), text.find(rule_docs.README_TABLE_END)
    return text if start < 0 or end < 0 else text[:start] + text[end:]


# --------------------------------------------------------------------------- README


def test_readme_rules_table_is_generated_from_the_rule_classes() -> None:
    """Regenerate with ``python -m asynclint.report.rule_docs`` from the repository root."""
    text = README.read_text(encoding="utf-8")
    assert rule_docs.README_TABLE_START in text and rule_docs.README_TABLE_END in text
    assert rule_docs.with_readme_table(text) == text, (
        "README rules table is stale: python -m asynclint.report.rule_docs"
    )


def test_readme_says_which_rules_are_on_by_default() -> None:
    text = README.read_text(encoding="utf-8")
    off = [rule.code for rule in ALL_RULES if not rule.default_enabled]
    if "All rules are on by default" in text:
        assert not off, f"README says all rules are on by default, but {off} are not"
    for code in off:
        assert code in without_generated_table(text), f"README does not say that {code} is off by default"


# --------------------------------------------------------------------------- asynclint rules


def test_rules_command_lists_every_rule_once_as_the_class_says() -> None:
    result = CliRunner().invoke(main, ["rules"], env={"NO_COLOR": None, "COLUMNS": None}, catch_exceptions=False)
    assert result.exit_code == 0
    rows = {}
    for line in result.stdout.splitlines():
        code = line.split(maxsplit=1)[0] if line.strip() else ""
        assert code not in rows, f"{code} listed twice"
        rows[code] = line
    assert list(rows) == [rule.code for rule in ALL_RULES]
    for rule in ALL_RULES:
        fields = rows[rule.code].split(maxsplit=4)
        assert fields == [rule.code, rule.name, rule.family, fix_label(rule), rule.summary]


# --------------------------------------------------------------------------- unsafe fixes


def test_hand_written_lists_of_unsafe_codes_are_complete() -> None:
    """A sentence that names two or more codes as the unsafe ones names all of them (better:
    name none and point at ``asynclint rules``)."""
    for path in hand_written_docs():
        text = without_generated_table(path.read_text(encoding="utf-8"))
        for paragraph in re.split(r"\n\s*\n", text):
            for sentence in re.split(r"(?<=[.;:])\s", paragraph):
                named = set(CODE.findall(sentence))
                if "unsafe" in sentence and len(named) >= 2:
                    assert named == UNSAFE, f"{path.name}: {sentence!r} lists {sorted(named)}, not {sorted(UNSAFE)}"


# --------------------------------------------------------------------------- goldens


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_golden_coverage_follows_the_fix_availability(rule: type[Rule]) -> None:
    """A rule with a fix has a golden pair in fixtures_corpus/fixes/<CODE>/; one without has none."""
    covered = {before.parent.name for before, _ in golden_pairs()}
    if has_fix(rule):
        assert rule.code in covered, f"{rule.code} has a fix but no golden pair in fixtures_corpus/fixes/{rule.code}/"
    else:
        assert not (FIXES / rule.code).exists(), f"{rule.code} has no fix, yet fixtures_corpus/fixes/{rule.code}/"


def test_every_golden_folder_names_a_rule() -> None:
    folders = {path.name for path in FIXES.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert sorted(folders - set(BY_CODE)) == []
    assert FIXABLE <= folders
