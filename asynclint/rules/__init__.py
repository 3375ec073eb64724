"""The rule registry: every rule, by code and by name, plus selection parsing.

The rules are found, not listed: every module of a family package (``rules/collection/``,
``rules/loop/`` ...) is imported and its :class:`Rule` subclasses are registered, so adding
a rule means adding its module only.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from asynclint.rules.base import Rule


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


def resolve_selection(items: Iterable[str], default_all: bool = False) -> frozenset[str]:
    """Codes named by codes, prefixes (``ASL2``) or rule names; raises on anything unknown."""
    from asynclint.config.settings import SettingsError

    items = [i.strip() for i in items if i.strip()]
    if not items:
        return frozenset(r.code for r in ALL_RULES if r.default_enabled) if default_all else frozenset()
    codes: set[str] = set()
    for item in items:
        if item.upper() == "ALL":
            codes.update(BY_CODE)
            continue
        rule = BY_NAME.get(item.lower())
        if rule is not None:
            codes.add(rule.code)
            continue
        matched = {code for code in BY_CODE if code.startswith(item.upper())}
        if not matched:
            raise SettingsError(f"unknown rule code or name: {item!r} (see `asynclint rules`)")
        codes.update(matched)
    return frozenset(codes)


def _specificity(selector: str) -> int:
    """How narrow a selector is, as ruff ranks them: ``ALL`` < ``ASL`` < ``ASL2`` < ``ASL201``.

    A rule name names one rule, as exactly as its code does.
    """
    if selector.upper() == "ALL":
        return 0
    if selector.lower() in BY_NAME:
        return 6
    return len(selector)


def apply_selection_layer(
    enabled: frozenset[str], select: tuple[str, ...] | None, extend: tuple[str, ...], ignore: tuple[str, ...]
) -> frozenset[str]:
    """One layer of ruff's rule resolution (the configuration, then the command line).

    A layer's ``select`` replaces everything the layers below decided (their ignores
    too), so ``--select ASL301`` on the command line beats ``ignore = ["ASL301"]`` in
    the configuration. Within a layer the more specific selector wins
    (``select = ["ASL3"]`` with ``ignore = ["ASL301"]`` keeps ASL301 off, and the other
    way round keeps it on); at equal specificity, ignoring wins.
    """
    result = set(enabled)
    if select is not None:
        result = set()
    steps = [(s, True) for s in (*(select or ()), *extend)] + [(s, False) for s in ignore]
    for selector, enable in sorted(steps, key=lambda step: (_specificity(step[0]), not step[1])):
        codes = resolve_selection([selector])
        if enable:
            result |= codes
        else:
            result -= codes
    return frozenset(result)
