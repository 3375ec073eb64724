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
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import libcst as cst

from asynclint.config.pytest_config import PytestProfile
from asynclint.index.project import ProjectIndex
from asynclint.index.summary import ModuleSummary
from asynclint.model import Applicability, ImportRequest
from asynclint.semantics.filemodel import CallSite, FileModel
from asynclint.semantics.resolve import Callee, Resolver

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


@dataclass
class FileContext:
    """Everything a rule may ask about the file being linted."""

    path: Path
    source: str
    model: FileModel
    summary: ModuleSummary
    index: ProjectIndex
    profile: PytestProfile
    resolver: Resolver
    is_conftest: bool
    runner_context: RunnerContext
    _callees: dict[int, Callee] = field(default_factory=dict)

    def callee(self, site: CallSite) -> Callee:
        """Memoised: several rules ask about the same call."""
        key = id(site.node)
        found = self._callees.get(key)
        if found is None:
            found = self._callees[key] = self.resolver.callee(site)
        return found

    def code(self, node: cst.CSTNode) -> str:
        return self.model.code(node)


@dataclass(frozen=True)
class RunnerContext:
    """Who besides pytest-asyncio may run coroutine tests of this file."""

    other_runner: str | None  # why unmarked coroutine tests may run (a plugin, a hook, the suite)
    anyio_backend_autouse: bool = False
    # Loop libraries the project runs coroutine tests with, preferred first ("asyncio",
    # "anyio", "trio"); empty when nothing says (a framework's own runner, say).
    libraries: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    # The reason is the suite's own shape (its unmarked tests), not a plugin or hook asynclint
    # can name: nothing is known to provide fixtures such as ``event_loop``.
    unseen_runner: bool = False


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
