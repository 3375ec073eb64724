"""What a rule is, and what it sees.

A rule is a small class: identity (code, name, family), a docstring in fixed
sections that ``asynclint rule CODE`` prints, what it needs to run (trigger words
or :meth:`Rule.may_apply`), and ``check`` which reads the shared
:class:`~asynclint.semantics.context.FileContext` (built by the engine) and yields
:class:`Finding` objects. Rules never traverse syntax trees and never compute
positions: the engine does both once.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import libcst as cst

from asynclint.model import Applicability, FixAvailability, ImportRequest, fix_label
from asynclint.semantics.context import FileContext, FileFacts

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


# The words a file holds when a coroutine may be made in it anywhere: an ``async def``,
# asyncio or anyio, a mock, a loop. Rules that follow every coroutine (ASL201 to ASL204)
# and ASL108 share them, so the gate skips a file for all of them or none.
ANY_COROUTINE_WORDS: tuple[bytes, ...] = (
    b"async",
    b"await",
    b"Mock",
    b"patch",
    b"setattr",
    b"event_loop",
    b"run_until_complete",
    b"run_forever",
    b"pytestmark",
    b"sleep",
    b"asyncio",
)

CODE_FORMAT = re.compile(r"ASL\d{3}")
NAME_FORMAT = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class RuleDefinitionError(TypeError):
    """A rule class is malformed (raised when the class is created, so never at lint time)."""


class Rule:
    """One rule. A subclass declares, as literal class attributes (``asynclint.catalogue``
    reads them from the source without importing the rule):

    * ``code`` (``ASL`` and three digits), ``name`` (kebab-case), ``summary``;
    * ``fix_availability`` (:class:`FixAvailability`) and, unless it is ``NEVER``,
      ``fix_safety`` (:class:`Applicability` of the fixes it offers);
    * ``default_enabled``;
    * ``triggers``: byte strings at least one of which the file must contain for the
      rule to find anything there, and ``on_project_imports`` (a file importing a
      project module may hold a finding without any of them: its words are elsewhere).
      A rule that needs more than words overrides :meth:`may_apply`;
    * a docstring with every section of :data:`DOC_SECTIONS`, in that order.

    The family is the ``FAMILY`` of the package the rule's module sits in. Anything
    missing or malformed raises :class:`RuleDefinitionError` when the class is created.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    summary: ClassVar[str]
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NEVER
    fix_safety: ClassVar[Applicability | None] = None
    default_enabled: ClassVar[bool] = True
    triggers: ClassVar[tuple[bytes, ...]] = ()
    on_project_imports: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "family" not in cls.__dict__:
            package = sys.modules.get(cls.__module__.rpartition(".")[0])
            family = getattr(package, "FAMILY", None)
            if isinstance(family, str):
                cls.family = family
        problems = _definition_problems(cls)
        if problems:
            label = getattr(cls, "code", cls.__qualname__)
            raise RuleDefinitionError(f"rule {label} ({cls.__module__}.{cls.__qualname__}): " + "; ".join(problems))

    @classmethod
    def may_apply(cls, facts: FileFacts) -> bool:
        """Whether the file can hold a finding of this rule, decided before libcst parses it.

        Must never be False for a file where :meth:`check` would find something: the
        engine skips the parse when no enabled rule may apply (``ASYNCLINT_NO_GATE=1``
        turns the gate off, and the tests compare both ways).
        """
        return facts.mentions(cls.triggers) or (cls.on_project_imports and facts.imports_project)

    @classmethod
    def fix_label(cls) -> str:
        """``none`` / ``safe`` / ``unsafe``: the word ``asynclint rules`` and the rule pages show."""
        return fix_label(cls.fix_availability, cls.fix_safety)

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


def _overrides(cls: type[Rule], method: str) -> bool:
    return any(method in klass.__dict__ for klass in cls.__mro__ if klass is not Rule and issubclass(klass, Rule))


def _definition_problems(cls: type[Rule]) -> list[str]:
    """What is wrong with a rule class (empty: nothing)."""
    problems: list[str] = []
    for attribute in ("code", "name", "family", "summary"):
        value = getattr(cls, attribute, None)
        if not isinstance(value, str) or not value:
            problems.append(f"`{attribute}` must be a non-empty string")
    code, name = getattr(cls, "code", None), getattr(cls, "name", None)
    if isinstance(code, str) and not CODE_FORMAT.fullmatch(code):
        problems.append(f"code {code!r} is not ASL followed by three digits")
    if isinstance(name, str) and not NAME_FORMAT.fullmatch(name):
        problems.append(f"name {name!r} is not kebab-case (lower-case words joined by '-')")
    if not isinstance(cls.fix_availability, FixAvailability):
        problems.append("`fix_availability` must be a FixAvailability (NEVER, SOMETIMES or ALWAYS)")
    elif cls.fix_availability is FixAvailability.NEVER:
        if cls.fix_safety is not None:
            problems.append("`fix_safety` is set but `fix_availability` is NEVER")
    elif not isinstance(cls.fix_safety, Applicability):
        problems.append("a rule with fixes needs `fix_safety` (Applicability.SAFE or UNSAFE)")
    if not isinstance(cls.default_enabled, bool):
        problems.append("`default_enabled` must be a bool")
    triggers = cls.triggers
    if not isinstance(triggers, tuple) or not all(isinstance(w, bytes) and w for w in triggers):
        problems.append("`triggers` must be a tuple of non-empty byte strings")
    elif not triggers and not cls.on_project_imports and not _overrides(cls, "may_apply"):
        problems.append("no `triggers`, `on_project_imports` off and no `may_apply`: the rule could never run")
    doc = cls.documentation()
    titles = re.findall(r"^## (.+)$", doc, flags=re.M)
    if titles != list(DOC_SECTIONS):
        problems.append(f"the docstring's sections must be {list(DOC_SECTIONS)}, in order (found {titles})")
    elif not cls.doc_code("Use instead"):
        problems.append("the 'Use instead' section needs a code block")
    return problems
