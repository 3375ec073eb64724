"""The catalogue (read from the rules' source) and the registry (the imported rules) agree,
and loading settings imports neither the rules nor libcst."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from asynclint import catalogue
from asynclint.config.settings import SettingsError, load_settings
from asynclint.rules import ALL_RULES


def test_catalogue_equals_the_registry_for_every_rule() -> None:
    from_source = [
        (
            e.code,
            e.name,
            e.family,
            e.summary,
            e.fix_availability,
            e.fix_safety,
            e.fix_label,
            e.default_enabled,
            e.documentation,
            e.module,
        )
        for e in catalogue.entries()
    ]
    imported = [
        (
            r.code,
            r.name,
            r.family,
            r.summary,
            r.fix_availability,
            r.fix_safety,
            r.fix_label(),
            r.default_enabled,
            r.documentation(),
            r.__module__,
        )
        for r in ALL_RULES
    ]
    assert from_source == imported


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_loading_settings_imports_no_rule_and_no_libcst(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.asynclint]\nselect = ["ASL2", "blocking-sleep"]\n')
    loaded = _modules_after(
        "from pathlib import Path\n"
        "from asynclint.config.settings import load_settings\n"
        f"load_settings(Path({str(tmp_path)!r}))"
    )
    assert "libcst" not in loaded
    assert "asynclint.rules" not in loaded


def test_the_catalogue_imports_nothing_above_the_model() -> None:
    loaded = _modules_after("import asynclint.catalogue\nasynclint.catalogue.entries()")
    ours = {m for m in loaded if m.startswith("asynclint")}
    assert ours == {"asynclint", "asynclint.catalogue", "asynclint.model"}
    assert "libcst" not in loaded


def test_selection_parsing() -> None:
    assert catalogue.resolve_selection(["ASL30"]) == {"ASL301", "ASL302"}
    assert catalogue.resolve_selection(["blocking-sleep"]) == {"ASL301"}
    defaults = catalogue.resolve_selection((), default_all=True)
    assert defaults == {e.code for e in catalogue.entries() if e.default_enabled}
    assert catalogue.apply_selection_layer(defaults, ("ASL3",), (), ("ASL301",)) == {"ASL302"}
    with pytest.raises(catalogue.UnknownRuleError, match="unknown rule code or name: 'ASL9'"):
        catalogue.resolve_selection(["ASL9"])


def test_settings_turn_an_unknown_rule_into_a_settings_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.asynclint]\nignore = ["no-such-rule"]\n')
    with pytest.raises(SettingsError, match=r"pyproject\.toml: unknown rule code or name: 'no-such-rule'"):
        load_settings(tmp_path)
    with pytest.raises(SettingsError, match="unknown rule code or name: 'ASL9'"):
        load_settings(tmp_path, select=["ASL9"], isolated=True)
