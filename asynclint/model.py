"""The vocabulary shared by rules, the engine, the fixer and the reporters.

Everything here is plain, frozen and picklable so results can cross process
boundaries and live in the cache unchanged.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Applicability(str, enum.Enum):
    """How confident a fix is: safe fixes keep behaviour, unsafe ones may change it."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class FixAvailability(str, enum.Enum):
    """Whether a rule's findings carry a fix: never, for some findings only, or for every one."""

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


def fix_label(availability: FixAvailability, safety: Applicability | None) -> str:
    """The one word ``asynclint rules``, the rule pages and SARIF show for a rule's fix:
    ``none``, or the safety of the fixes it offers (``safe`` / ``unsafe``)."""
    if availability is FixAvailability.NEVER or safety is None:
        return "none"
    return safety.value


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and 1-based column (columns count characters, like ruff)."""

    line: int
    column: int


@dataclass(frozen=True)
class Span:
    start: Position
    end: Position


@dataclass(frozen=True)
class Edit:
    """Replace the text between two positions with ``content``."""

    span: Span
    content: str


@dataclass(frozen=True)
class ImportRequest:
    """An import a fix needs; the fixer merges it with the module's imports.

    ``module`` alone means ``import module``; with ``name`` it means
    ``from module import name``.
    """

    module: str
    name: str | None = None


@dataclass(frozen=True)
class Fix:
    """A fix: its own ``edits`` plus the ``imports`` it needs.

    The fixer merges ``imports`` after applying the edits (positions move). A consumer that
    applies edits only (the JSON report) gets ``import_edits``: the edits that add the
    imports to the file as it was linted, computed once per file where it was parsed;
    None when they cannot be added without touching other lines.
    """

    applicability: Applicability
    title: str
    edits: tuple[Edit, ...]
    imports: tuple[ImportRequest, ...] = ()
    import_edits: tuple[Edit, ...] | None = ()


@dataclass(frozen=True)
class Diagnostic:
    """One finding. ``path`` is the path as the user named it (relative stays relative)."""

    code: str
    name: str
    message: str
    path: str
    span: Span
    fix: Fix | None = None
    source_line: str = field(default="", compare=False)

    @property
    def line(self) -> int:
        return self.span.start.line

    @property
    def column(self) -> int:
        return self.span.start.column

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.start.line, self.span.start.column, self.code)


@dataclass(frozen=True)
class FileError:
    """A file asynclint could not lint: unreadable, gone, or an internal error while linting.

    Reported apart from findings (one ``asynclint: error:`` line on stderr, an ``ASL-INTERNAL``
    item in JSON, exit code 2) so a crash on one file is never mistaken for findings, or for
    a clean file, while every other file is still linted.
    """

    path: str  # display path
    message: str
