"""``asynclint rules`` and ``asynclint rule CODE``: the rule catalogue, printed.

Both need only each rule's metadata and documentation: the catalogue reads them from the
rule modules' source, so neither command imports the rules (nor libcst with them).
"""

from __future__ import annotations

import click

from asynclint.catalogue import entries, find
from asynclint.cli.common import console, fail
from asynclint.report.rule_docs import rule_facts


@click.command()
@click.argument("code_or_name")
def rule(code_or_name: str) -> None:
    """Print a rule's documentation (by code, e.g. ASL201, or name)."""
    found = find(code_or_name)
    if found is None:
        raise fail(f"unknown rule code or name: {code_or_name!r} (see `asynclint rules`)")
    out = console()
    if not out.is_terminal:
        # Piped: the Markdown source itself, so `code` keeps its backticks and no line is
        # padded to the terminal width (rich's rendering does both).
        click.echo(rule_facts(found))
        click.echo()
        click.echo("\n".join(line.rstrip() for line in found.documentation.splitlines()))
        return
    from rich.markdown import Markdown
    from rich.text import Text

    header = Text(rule_facts(found))
    header.stylize("bold", 0, len(found.code))
    out.print(header)
    out.print(Markdown(found.documentation))


@click.command(name="rules")
def list_rules() -> None:
    """List every rule."""
    out = console()
    if not out.is_terminal:  # piped: one plain line per rule, never truncated
        for r in entries():
            click.echo(f"{r.code}  {r.name:<32} {r.family:<11} {r.fix_label:<7} {r.summary}")
        return
    from rich.table import Table

    table = Table("code", "name", "family", "fix", "what it flags", box=None)
    for r in entries():
        table.add_row(r.code, r.name, r.family, r.fix_label, r.summary)
    out.print(table)
