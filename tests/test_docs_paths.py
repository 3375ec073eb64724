"""The documentation cites only files the repository contains.

Scans README.md, docs/, fixtures_corpus/README.md and bench/README.md for relative links and
for paths into the repository (``bench/bench.py``, ``fixtures_corpus/projects/...``,
``RULES.md``), so a renamed corpus project, a moved test module or a file that lives
elsewhere fails here instead of misleading a reader.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_grammar import REPOSITORY

DOCS = [
    REPOSITORY / "README.md",
    REPOSITORY / "bench" / "README.md",
    REPOSITORY / "fixtures_corpus" / "README.md",
    *sorted((REPOSITORY / "docs").rglob("*.md")),
]
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
FENCE = re.compile(r"^```[^\n]*\n.*?^```[ \t]*$", re.S | re.M)  # an opening fence, then a bare closing one
TICKS = re.compile(r"`(?P<span>[^`\n]+)`")
# Top-level folders of the repository. In example output (code blocks) ``tests/...`` is the
# user's test folder, so only the others count there.
TOP = ("asynclint", "tests", "bench", "docs", "fixtures_corpus", ".ci")
IN_CODE = tuple(top for top in TOP if top != "tests")
PLACEHOLDER = re.compile(r"[<>*…]|\.\.\.|CODE|nnn|NAME")


def _path_words(text: str, tops: tuple[str, ...]) -> set[str]:
    pattern = re.compile(r"(?<![\w./-])(?:" + "|".join(re.escape(top) for top in tops) + r")/[\w./<>*…-]*")
    return {match.group().rstrip(".,;:") for match in pattern.finditer(text)}


def cited_paths(doc: Path) -> set[str]:
    """Relative link targets, repository paths, and Markdown file names in code spans."""
    text = doc.read_text(encoding="utf-8")
    code_blocks = "\n".join(match.group() for match in FENCE.finditer(text))
    prose = FENCE.sub("", text)
    cited = {m["target"].split("#")[0] for m in LINK.finditer(prose)}
    cited = {target for target in cited if target and not re.match(r"^[a-z]+:", target)}
    cited |= _path_words(prose, TOP) | _path_words(code_blocks, IN_CODE)
    cited |= {m["span"] for m in TICKS.finditer(prose) if re.fullmatch(r"[\w.-]+\.md", m["span"])}
    return {path for path in cited if not PLACEHOLDER.search(path)}


def exists(doc: Path, path: str) -> bool:
    return any((base / path).exists() for base in (doc.parent, REPOSITORY))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPOSITORY)))
def test_cited_files_exist(doc: Path) -> None:
    missing = sorted(path for path in cited_paths(doc) if not exists(doc, path))
    assert not missing, f"{doc.relative_to(REPOSITORY)} cites files the repository does not contain: {missing}"


def test_the_scan_sees_paths() -> None:
    """The patterns are alive: the README names files of every kind the scan looks for."""
    cited = cited_paths(REPOSITORY / "README.md")
    assert {"docs/rules/README.md", "bench/README.md", "fixtures_corpus/projects/readme_demo"} <= cited
    assert "tests/test_oracle.py" in cited
