"""The pre-parse gate never changes a finding, and rule classes validate themselves.

The engine skips libcst for a file no enabled rule may apply to (each rule declares its
trigger words or a cheap predicate on the file's facts). These tests run the whole
corpus with the gate on and off (``ASYNCLINT_NO_GATE=1``) and compare the JSON reports,
and check every rule's own declaration: a rule that finds something in a file must have
said it may apply there, so the gate is sound for any selection of rules, not only for
all of them together.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from libcst import Module

import asynclint.rules
from asynclint.api import lint_paths
from asynclint.config.pytest_config import DEFAULT_PROFILE, PytestProfile
from asynclint.engine import linter
from asynclint.index.project import ProjectIndex
from asynclint.model import Applicability, FixAvailability
from asynclint.report.json_report import render
from asynclint.rules import ALL_RULES
from asynclint.rules.base import Finding, Rule, RuleDefinitionError
from asynclint.semantics.context import FileContext, FileFacts

CORPUS = Path(__file__).resolve().parent.parent / "fixtures_corpus"


def _json_report(monkeypatch: pytest.MonkeyPatch, gate: bool) -> str:
    if gate:
        monkeypatch.delenv(linter.NO_GATE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(linter.NO_GATE_VARIABLE, "1")
    result = lint_paths([str(CORPUS)], jobs=1)
    out = io.StringIO()
    render(result.diagnostics, out, result.errors)
    return out.getvalue()


def test_gate_switch_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(linter.NO_GATE_VARIABLE, raising=False)
    assert linter.gate_enabled()
    monkeypatch.setenv(linter.NO_GATE_VARIABLE, "1")
    assert not linter.gate_enabled()


def test_corpus_json_is_identical_with_and_without_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Also: every finding of the gate-less run comes from a rule that said it may apply."""
    unannounced: list[tuple[str, str]] = []
    for rule in ALL_RULES:
        original = rule.check

        def check(
            self: Rule, ctx: FileContext, _original: Callable[[Rule, FileContext], Iterable[Finding]] = original
        ) -> Iterator[Finding]:
            findings = list(_original(self, ctx))
            if findings:
                facts = FileFacts(ctx.path, ctx.path.read_bytes(), ctx.summary, ctx.index, ctx.profile)
                if not type(self).may_apply(facts):
                    unannounced.append((str(ctx.path.relative_to(CORPUS)), self.code))
            return iter(findings)

        monkeypatch.setattr(rule, "check", check)
    without_gate = _json_report(monkeypatch, gate=False)
    assert not unannounced, f"rules found something where their may_apply said no: {unannounced}"
    with_gate = _json_report(monkeypatch, gate=True)
    assert with_gate == without_gate
    assert '"code"' in with_gate  # the corpus has findings: the comparison compared something


def _rule_modules() -> Iterator[tuple[str, ModuleType]]:
    for family in pkgutil.iter_modules(asynclint.rules.__path__):
        if not family.ispkg:
            continue
        package = importlib.import_module(f"asynclint.rules.{family.name}")
        for info in pkgutil.iter_modules(package.__path__):
            yield info.name, importlib.import_module(f"{package.__name__}.{info.name}")


def test_one_rule_per_module_named_after_the_rule() -> None:
    seen: list[type[Rule]] = []
    for module_name, module in _rule_modules():
        rules = [
            v
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, Rule) and v.__module__ == module.__name__
        ]
        if not rules:
            continue  # a helper module beside its rule (the ASL401 rewrite)
        assert len(rules) == 1, f"{module_name}: one rule per module"
        assert rules[0].name.replace("-", "_") == module_name
        seen.extend(rules)
    assert sorted(seen, key=lambda r: r.code) == list(ALL_RULES)


DOC = """
## What it does
x
## Why is this bad?
x
## Example
x
## Use instead
```python
x = 1
```
## Fix safety
x
## pytest-asyncio versions
x
## References
x
"""


def _make(**attributes: object) -> type[Rule]:
    body: dict[str, object] = {
        "__doc__": DOC,
        "code": "ASL999",
        "name": "made-up-rule",
        "family": "test",
        "summary": "a made-up rule",
        "triggers": (b"async",),
    }
    body.update(attributes)
    return type("MadeUp", (Rule,), body)


def test_a_well_formed_rule_class_is_accepted() -> None:
    rule = _make(fix_availability=FixAvailability.SOMETIMES, fix_safety=Applicability.UNSAFE)
    assert rule.fix_label() == "unsafe"
    assert _make().fix_label() == "none"


@pytest.mark.parametrize(
    ("attributes", "complaint"),
    [
        ({"code": "ASL12"}, "three digits"),
        ({"code": "XYZ123"}, "three digits"),
        ({"name": "Made_Up"}, "kebab-case"),
        ({"summary": ""}, "summary"),
        ({"fix_availability": "safe"}, "FixAvailability"),
        ({"fix_availability": FixAvailability.ALWAYS}, "fix_safety"),
        ({"fix_safety": Applicability.SAFE}, "NEVER"),
        ({"triggers": ("async",)}, "byte strings"),
        ({"triggers": (), "on_project_imports": False}, "could never run"),
        ({"__doc__": "## What it does\nx"}, "sections"),
        ({"__doc__": DOC.replace("```python\nx = 1\n```", "x")}, "code block"),
    ],
)
def test_a_malformed_rule_class_fails_at_creation(attributes: dict[str, object], complaint: str) -> None:
    with pytest.raises(RuleDefinitionError, match=complaint):
        _make(**attributes)


def test_a_file_no_rule_needs_is_never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """As selective as the engine's old single regex: a plain sync test module (a ``mark``
    and a fixture with no mark) is skipped; one ``async`` makes the rules parse it."""
    parsed: list[str] = []
    original = linter.parse_module

    def counting(source: str) -> Module:
        parsed.append(source)
        return original(source)

    monkeypatch.setattr(linter, "parse_module", counting)
    plain = (
        "import pytest\n\n\n@pytest.fixture\ndef value():\n    return 1\n\n\n"
        "@pytest.mark.slow\ndef test_x(value):\n    assert value\n"
    )
    assert linter.lint_source(plain, CORPUS / "test_plain.py", "test_plain.py", *_defaults()).diagnostics == []
    assert parsed == []
    linter.lint_source(plain + "\n\nasync def helper():\n    pass\n", CORPUS / "test_plain.py", "t.py", *_defaults())
    assert len(parsed) == 1


def _defaults() -> tuple[PytestProfile, ProjectIndex, frozenset[str]]:
    index = ProjectIndex(CORPUS / "no-such-project", DEFAULT_PROFILE.pythonpath)
    return DEFAULT_PROFILE, index, frozenset(r.code for r in ALL_RULES)
