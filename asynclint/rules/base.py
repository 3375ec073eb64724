"""What a rule is, and what it sees.

A rule is a small class: identity (code, name, family), a docstring in fixed
sections that ``asynclint rule CODE`` prints, and ``check`` which reads the
shared :class:`FileContext` and yields :class:`Finding` objects. Rules never
traverse syntax trees and never compute positions: the engine does both once.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import libcst as cst

from asynclint.model import Applicability, ImportRequest
from asynclint.semantics.context import FileContext

# Where the generated rule pages (``docs/rules/CODE.md``) live, relative to the repository
# root: no hosting address is known yet, so this is the one place to make it absolute.
# Reports (JSON ``url``, SARIF ``helpUri``) use it.
DOCS_URL_BASE = "docs/rules/"

DOC_SECTIONS = (
    "What it does",
    "Why is this bad?",
    "Example",
    "Use instead",
    "Fix safety",
    "pytest-asyncio versions",
    "References",
)


REPLACE = "replace"
BEFORE = "before"  # insert just before the node
AFTER = "after"  # insert just after the node
LINE_BEFORE = "line-before"  # insert a whole line above the node's first line, same indent
FIRST_CHAR = "first-char"  # replace only the node's first character (``(`` of a LeftParen)
LAST_CHAR = "last-char"  # replace only the node's last character (``)`` of a RightParen)


@dataclass(frozen=True)
class NodeEdit:
    """An edit anchored on a node; the engine turns it into positions once, at the end."""

    node: cst.CSTNode
    content: str
    mode: str = REPLACE


@dataclass(frozen=True)
class FixPlan:
    applicability: Applicability
    title: str
    edits: tuple[NodeEdit, ...]
    imports: tuple[ImportRequest, ...] = ()


@dataclass(frozen=True)
class Finding:
    code: str
    node: cst.CSTNode
    message: str
    fix: FixPlan | None = None


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    summary: ClassVar[str]
    fix_availability: ClassVar[str] = "none"  # "safe" | "unsafe" | "none"
    default_enabled: ClassVar[bool] = True

    def check(self, ctx: FileContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def doc_section(cls, title: str) -> str:
        """The text of one ``## title`` section of the rule's documentation."""
        doc = cls.documentation()
        pattern = rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)"
        match = re.search(pattern, doc, flags=re.S | re.M)
        return match.group(1).strip() if match else ""

    @classmethod
    def doc_code(cls, title: str) -> str:
        """The first fenced code block of a section."""
        match = re.search(r"```(?:python)?\n(.*?)```", cls.doc_section(title), flags=re.S)
        return match.group(1) if match else ""

    @classmethod
    def url(cls) -> str:
        """The rule's page under ``docs/rules/``, generated from this docstring."""
        return f"{DOCS_URL_BASE}{cls.code}.md"

    def finding(self, node: cst.CSTNode, message: str, fix: FixPlan | None = None) -> Finding:
        return Finding(self.code, node, message, fix)


RuleFactory = Callable[[], Rule]
