"""The rule reference as Markdown files, ``docs/rules/CODE.md`` plus an index.

The pages are generated from the rule classes (their docstrings are the source of
truth, as for ``asynclint rule CODE``) so that a link in a report (JSON ``url``,
SARIF ``helpUri``) can point somewhere readable without a running asynclint.
``tests/test_rule_docs.py`` fails when the files drift from the classes; regenerate
them with ``python -m asynclint.report.rule_docs`` from the repository root.

Only metadata is needed, so the pages come from :mod:`asynclint.catalogue` (the classes'
source, read without importing the rules; ``tests/test_catalogue.py`` keeps it equal
to the imported classes). A rule class is accepted too and looked up there.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from asynclint.catalogue import Entry, by_code, entries

if TYPE_CHECKING:  # pragma: no cover
    from asynclint.rules.base import Rule

DOCS_FOLDER = Path("docs") / "rules"
INDEX = "README.md"
_GENERATED = "<!-- Generated from the rule classes by `python -m asynclint.report.rule_docs`; do not edit. -->"


def _entry(rule: type[Rule] | Entry) -> Entry:
    return rule if isinstance(rule, Entry) else by_code()[rule.code]


def rule_facts(rule: type[Rule] | Entry) -> str:
    """The one-line header both ``asynclint rule`` and the pages show."""
    rule = _entry(rule)
    return f"{rule.code} {rule.name} ({rule.family}; fix: {rule.fix_label})"


def render_rule(rule: type[Rule] | Entry) -> str:
    """One rule's page: title, summary, facts, then its documented sections."""
    rule = _entry(rule)
    lines = [
        _GENERATED,
        "",
        f"# {rule.code} {rule.name}",
        "",
        f"What it flags: {rule.summary}.",
        "",
        f"Family: {rule.family} · fix: {rule.fix_label} · on by default: {'yes' if rule.default_enabled else 'no'}",
        "",
        rule.documentation,
        "",
        f"[All rules]({INDEX})",
    ]
    return _tidy("\n".join(lines))


def render_index() -> str:
    """The table of every rule, each linking to its page."""
    lines = [
        _GENERATED,
        "",
        "# asynclint rules",
        "",
        "| code | name | family | fix | what it flags |",
        "|---|---|---|---|---|",
    ]
    for rule in entries():
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.family} | {rule.fix_label} | {summary} |")
    return _tidy("\n".join(lines))


def _tidy(text: str) -> str:
    """No trailing spaces, one final newline: stable bytes for the drift test."""
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n") + "\n"


def pages() -> dict[str, str]:
    """File name -> content, for every generated file."""
    generated = {f"{rule.code}.md": render_rule(rule) for rule in entries()}
    generated[INDEX] = render_index()
    return generated


def write(folder: Path) -> list[Path]:
    """Write every page into ``folder`` and delete pages of rules that no longer exist."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    written = []
    for name, content in wanted.items():
        target = folder / name
        target.write_text(content, encoding="utf-8", newline="\n")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    """``python -m asynclint.report.rule_docs [FOLDER]`` (default ``docs/rules``)."""
    folder = Path(argv[0]) if argv else DOCS_FOLDER
    written = write(folder)
    print(f"wrote {len(written)} files to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
