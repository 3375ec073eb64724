"""The rule reference as Markdown files, ``docs/rules/CODE.md`` plus an index, and the
rules table of the README.

The pages are generated from the rule classes (their docstrings are the source of
truth, as for ``asynclint rule CODE``) so that a link in a report (JSON ``url``,
SARIF ``helpUri``) can point somewhere readable without a running asynclint; the
README's table sits between two markers, so the rule class is its only source too.
``tests/test_rule_docs.py`` and ``tests/test_registry_drift.py`` fail when the files
drift from the classes; regenerate them with ``python -m asynclint.report.rule_docs``
from the repository root.

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


def rules_table(link_base: str = "") -> list[str]:
    """The Markdown table of every rule, each code linking to ``link_base + CODE.md``."""
    lines = [
        "| code | name | family | fix | what it flags |",
        "|---|---|---|---|---|",
    ]
    for rule in entries():
        summary = rule.summary.replace("|", "\\|")
        lines.append(
            f"| [{rule.code}]({link_base}{rule.code}.md) | {rule.name} | {rule.family} | {rule.fix_label} | {summary} |"
        )
    return lines


def render_index() -> str:
    """The table of every rule, each linking to its page."""
    lines = [_GENERATED, "", "# asynclint rules", "", *rules_table()]
    return _tidy("\n".join(lines))


README = Path("README.md")
README_TABLE_START = "<!-- rules table: generated from the rule classes by `python -m asynclint.report.rule_docs` -->"
README_TABLE_END = "<!-- end of the generated rules table -->"


def with_readme_table(readme: str) -> str:
    """``readme`` with the text between the two table markers regenerated."""
    start = readme.index(README_TABLE_START) + len(README_TABLE_START)
    end = readme.index(README_TABLE_END, start)
    table = "\n".join(rules_table(link_base=str(DOCS_FOLDER.as_posix()) + "/"))
    return f"{readme[:start]}\n{table}\n{readme[end:]}"


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
    """``python -m asynclint.report.rule_docs [FOLDER]`` (default ``docs/rules``, and then
    the README's rules table too: run it from the repository root)."""
    folder = Path(argv[0]) if argv else DOCS_FOLDER
    written = write(folder)
    print(f"wrote {len(written)} files to {folder}")
    if not argv and README.is_file():
        text = README.read_text(encoding="utf-8")
        README.write_text(with_readme_table(text), encoding="utf-8", newline="\n")
        print(f"updated the rules table in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
