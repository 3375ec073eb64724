"""``asynclint rules`` and ``asynclint rule CODE``: the rule catalogue, printed.

Both need only each rule's metadata and documentation, read through ``_catalogue``, the one
place this module touches the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import click

from asynclint.cli.common import console, fail


class RuleInfo(Protocol):
    """What the commands read of a rule (the rule classes provide it as class attributes)."""

    code: str
    name: str
    family: str
    fix_availability: str
    summary: str

    def documentation(self) -> str: ...


def _catalogue() -> Sequence[RuleInfo]:
    """Every rule, ordered by code. Imported here, not at the top, so that listing the
    commands never imports the rules; today this imports the rule classes (and libcst with
    them): a catalogue that reads the metadata without them belongs here."""
    from asynclint.rules import ALL_RULES

    rules: Sequence[RuleInfo] = ALL_RULES
    return rules


def _find(code_or_name: str) -> RuleInfo | None:
    """A rule by code (any case) or name (any case), as ``asynclint.rules.find_rule`` finds it."""
    for found in _catalogue():
        if found.code == code_or_name.upper():
            return found
    for found in _catalogue():
        if found.name == code_or_name.lower():
            return found
    return None


def facts(rule: RuleInfo) -> str:
    """The one-line header (the generated rule pages show the same line)."""
    return f"{rule.code} {rule.name} ({rule.family}; fix: {rule.fix_availability})"


@click.command()
@click.argument("code_or_name")
def rule(code_or_name: str) -> None:
    """Print a rule's documentation (by code, e.g. ASL201, or name)."""
    found = _find(code_or_name)
    if found is None:
        raise fail(f"unknown rule code or name: {code_or_name!r} (see `asynclint rules`)")
    out = console()
    if not out.is_terminal:
        # Piped: the Markdown source itself, so `code` keeps its backticks and no line is
        # padded to the terminal width (rich's rendering does both).
        click.echo(facts(found))
        click.echo()
        click.echo("\n".join(line.rstrip() for line in found.documentation().splitlines()))
        return
    from rich.markdown import Markdown
    from rich.text import Text

    header = Text(facts(found))
    header.stylize("bold", 0, len(found.code))
    out.print(header)
    out.print(Markdown(found.documentation()))


@click.command(name="rules")
def list_rules() -> None:
    """List every rule."""
    out = console()
    if not out.is_terminal:  # piped: one plain line per rule, never truncated
        for r in _catalogue():
            click.echo(f"{r.code}  {r.name:<32} {r.family:<11} {r.fix_availability:<7} {r.summary}")
        return
    from rich.table import Table

    table = Table("code", "name", "family", "fix", "what it flags", box=None)
    for r in _catalogue():
        table.add_row(r.code, r.name, r.family, r.fix_availability, r.summary)
    out.print(table)
