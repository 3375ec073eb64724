"""Every rule's identity and documentation, known without importing a single rule.

Loading settings, parsing ``--select``, listing rules or writing their pages needs only
what each rule class declares (code, name, family, summary, fix availability, default,
docstring), not the rules' code with libcst and the semantics layers under it. This
module reads the rule modules' *source* with the stdlib :mod:`ast`: a rule class's
attributes are literals by contract (``Rule.__init_subclass__`` documents them) and the
family is the ``FAMILY`` of its package. It imports nothing from asynclint above
:mod:`asynclint.model`. ``tests/test_catalogue.py`` fails if it ever disagrees with
the imported registry (``asynclint.rules``).

Selection parsing (codes, prefixes, names, ruff's layering) lives here too, raising
:class:`UnknownRuleError`; settings turns that into its own ``SettingsError``.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from asynclint.model import Applicability, FixAvailability, fix_label

RULES_PACKAGE = Path(__file__).resolve().parent / "rules"
_RULE_BASE = "Rule"
# A rule class's head: its ``class`` line, docstring and attributes, up to its first method
# (or the next top-level statement). Parsing only that keeps ``entries()`` cheap: whole
# modules (the ASL401 rewrite alone is 700 lines) cost several times more.
_RULE_HEAD = re.compile(
    r"^class \w+\((?:\w+\.)?Rule\):\n"
    r"(?:[ ]{4}[rR]?\"\"\".*?\"\"\"\n)?"  # the docstring (its examples hold decorators and defs)
    r".*?(?=^[ ]{4}(?:def |async def |@)|^\S|\Z)",
    flags=re.S | re.M,
)


class UnknownRuleError(ValueError):
    """A selector names no rule (no code, prefix or name matches)."""


class CatalogueError(RuntimeError):
    """A rule module's source does not follow the literal-attribute contract."""


@dataclass(frozen=True)
class Entry:
    """What a rule class declares, read from its source."""

    code: str
    name: str
    family: str
    summary: str
    fix_availability: FixAvailability
    fix_safety: Applicability | None
    default_enabled: bool
    documentation: str  # the class docstring, cleaned as ``Rule.documentation()`` cleans it
    module: str  # dotted name of the rule's module

    @property
    def fix_label(self) -> str:
        """``none`` / ``safe`` / ``unsafe``, as ``Rule.fix_label()`` says."""
        return fix_label(self.fix_availability, self.fix_safety)


def _literal(node: ast.expr, where: str) -> object:
    """A literal attribute value; ``Enum.MEMBER`` of the two enums rules use, by name."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        enum = {"FixAvailability": FixAvailability, "Applicability": Applicability}.get(node.value.id)
        if enum is not None:
            return enum[node.attr]
    try:
        return ast.literal_eval(node)
    except ValueError:
        raise CatalogueError(f"{where}: not a literal: {ast.unparse(node)}") from None


def _family(package: Path) -> str:
    tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "FAMILY" for t in targets) and node.value is not None:
                return str(_literal(node.value, f"{package}/__init__.py"))
    raise CatalogueError(f"{package}/__init__.py: no FAMILY")


def _is_rule_class(node: ast.stmt) -> bool:
    if not isinstance(node, ast.ClassDef):
        return False
    return any(
        (isinstance(b, ast.Name) and b.id == _RULE_BASE) or (isinstance(b, ast.Attribute) and b.attr == _RULE_BASE)
        for b in node.bases
    )


def _entry(node: ast.ClassDef, family: str, module: str, where: str) -> Entry:
    values: dict[str, object] = {"family": family}
    for statement in node.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in Entry.__dataclass_fields__:
            values[target.id] = _literal(value, f"{where}: {node.name}.{target.id}")
    return Entry(
        code=str(values["code"]),
        name=str(values["name"]),
        family=str(values["family"]),
        summary=str(values["summary"]),
        fix_availability=FixAvailability(values.get("fix_availability", FixAvailability.NEVER)),
        fix_safety=Applicability(values["fix_safety"]) if values.get("fix_safety") is not None else None,
        default_enabled=bool(values.get("default_enabled", True)),
        documentation=ast.get_docstring(node, clean=True) or "",
        module=module,
    )


@functools.cache
def entries() -> tuple[Entry, ...]:
    """Every rule, sorted by code (read once per process: the sources do not change under it)."""
    found: list[Entry] = []
    for package in sorted(p.parent for p in RULES_PACKAGE.glob("*/__init__.py")):
        family = _family(package)
        for source in sorted(package.glob("*.py")):
            if source.name == "__init__.py":
                continue
            module = f"asynclint.rules.{package.name}.{source.stem}"
            text = source.read_text(encoding="utf-8")
            heads = "\n".join(match.group(0) for match in _RULE_HEAD.finditer(text))
            try:
                tree = ast.parse(heads, str(source))
            except SyntaxError:  # an unusual layout: read the whole module instead
                tree = ast.parse(text, str(source))
            found.extend(
                _entry(node, family, module, str(source))
                for node in tree.body
                if isinstance(node, ast.ClassDef) and _is_rule_class(node)
            )
    return tuple(sorted(found, key=lambda e: e.code))


@functools.cache
def by_code() -> dict[str, Entry]:
    return {e.code: e for e in entries()}


@functools.cache
def by_name() -> dict[str, Entry]:
    return {e.name: e for e in entries()}


def find(code_or_name: str) -> Entry | None:
    return by_code().get(code_or_name.upper()) or by_name().get(code_or_name.lower())


def resolve_selection(items: Iterable[str], default_all: bool = False) -> frozenset[str]:
    """Codes named by codes, prefixes (``ASL2``) or rule names; raises on anything unknown."""
    items = [i.strip() for i in items if i.strip()]
    codes_by_code, codes_by_name = by_code(), by_name()
    if not items:
        return frozenset(e.code for e in entries() if e.default_enabled) if default_all else frozenset()
    codes: set[str] = set()
    for item in items:
        if item.upper() == "ALL":
            codes.update(codes_by_code)
            continue
        entry = codes_by_name.get(item.lower())
        if entry is not None:
            codes.add(entry.code)
            continue
        matched = {code for code in codes_by_code if code.startswith(item.upper())}
        if not matched:
            raise UnknownRuleError(f"unknown rule code or name: {item!r} (see `asynclint rules`)")
        codes.update(matched)
    return frozenset(codes)


def specificity(selector: str) -> int:
    """How narrow a selector is, as ruff ranks them: ``ALL`` < ``ASL`` < ``ASL2`` < ``ASL201``.

    A rule name names one rule, as exactly as its code does.
    """
    if selector.upper() == "ALL":
        return 0
    if selector.lower() in by_name():
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
    for selector, enable in sorted(steps, key=lambda step: (specificity(step[0]), not step[1])):
        codes = resolve_selection([selector])
        if enable:
            result |= codes
        else:
            result -= codes
    return frozenset(result)
