"""The rule registry: every rule, by code and by name, plus selection parsing.

The rules are found, not listed: every module of a family package (``rules/collection/``,
``rules/loop/`` ...) is imported and its :class:`Rule` subclasses are registered, so adding
a rule means adding its module only.
"""

from __future__ import annotations

import importlib
import pkgutil

from asynclint.catalogue import UnknownRuleError, apply_selection_layer, resolve_selection
from asynclint.rules.base import Rule

# Selection parsing lives in the catalogue (below settings, which must not import every
# rule); re-exported so callers that hold the registry need no second import.
__all__ = [
    "ALL_RULES",
    "BY_CODE",
    "BY_NAME",
    "UnknownRuleError",
    "apply_selection_layer",
    "find_rule",
    "resolve_selection",
]


def _discover() -> tuple[type[Rule], ...]:
    """Every rule class defined in a module of a family package, sorted by code."""
    found: list[type[Rule]] = []
    families = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.ispkg)
    for family in families:
        package = importlib.import_module(f"{__name__}.{family}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__:
                    found.append(value)
    return tuple(sorted(found, key=lambda rule: rule.code))


ALL_RULES: tuple[type[Rule], ...] = _discover()
BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in ALL_RULES}
BY_NAME: dict[str, type[Rule]] = {rule.name: rule for rule in ALL_RULES}
assert len(BY_CODE) == len(ALL_RULES), "duplicate rule code"
assert len(BY_NAME) == len(ALL_RULES), "duplicate rule name"


def find_rule(code_or_name: str) -> type[Rule] | None:
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
