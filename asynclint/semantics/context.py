"""What a rule may ask about the file being linted: built by the engine, read by semantics and rules.

Everything worth remembering while one file is linted (the import layout, the runner
words of its text, its fixture table ...) is kept on the :class:`FileContext` through
:meth:`FileContext.cached`, never in module-level state: a context lives exactly as long
as the file's analysis, so nothing can leak from one file (or one run) into the next.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import libcst as cst

from asynclint.config.pytest_config import PytestProfile
from asynclint.index.project import ProjectIndex
from asynclint.index.summary import ModuleSummary
from asynclint.semantics.filemodel import CallSite, FileModel
from asynclint.semantics.resolve import Callee, Resolver
from asynclint.semantics.runner_context import RunnerContext as RunnerContext  # its home before

T = TypeVar("T")


@dataclass
class FileFacts:
    """What the engine knows of a file before paying libcst: its bytes, its ast-level
    summary, the project index and the pytest profile. Rules answer
    :meth:`asynclint.rules.base.Rule.may_apply` from these alone; every answer is kept
    here, so rules asking the same question cost one look."""

    path: Path
    data: bytes
    summary: ModuleSummary
    index: ProjectIndex
    profile: PytestProfile
    _words: dict[bytes, bool] = field(default_factory=dict)
    _cached: dict[Callable[[FileFacts], Any], Any] = field(default_factory=dict)

    def mentions(self, words: Iterable[bytes]) -> bool:
        """Whether the file's bytes contain any of ``words`` (anywhere: comments too)."""
        for word in words:
            found = self._words.get(word)
            if found is None:
                found = self._words[word] = word in self.data
            if found:
                return True
        return False

    @functools.cached_property
    def imports_project(self) -> bool:
        """Whether the file imports a module of the project (whose coroutines, mocks or
        fixtures it may then use without naming any trigger word)."""
        modules = {target.rsplit(".", 1)[0] for target in self.summary.imports.values()}
        modules |= set(self.summary.imports.values()) | set(self.summary.star_imports)
        return any(self.index.find_module(m) is not None for m in modules if m)

    def cached(self, compute: Callable[[FileFacts], T]) -> T:
        """``compute(self)``, computed once per file (several rules may ask)."""
        if compute not in self._cached:
            self._cached[compute] = compute(self)
        result: T = self._cached[compute]
        return result


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
    _cached: dict[Callable[[FileContext], Any], Any] = field(default_factory=dict)

    def callee(self, site: CallSite) -> Callee:
        """Memoised: several rules ask about the same call."""
        key = id(site.node)
        found = self._callees.get(key)
        if found is None:
            found = self._callees[key] = self.resolver.callee(site)
        return found

    def cached(self, compute: Callable[[FileContext], T]) -> T:
        """``compute(self)``, computed once per file: the function itself is the key.

        Several rules ask the same per-file question once per finding; answering each by a
        scan of the file made the cost grow with findings times file size.
        """
        if compute not in self._cached:
            self._cached[compute] = compute(self)
        result: T = self._cached[compute]
        return result

    def code(self, node: cst.CSTNode) -> str:
        return self.model.code(node)
