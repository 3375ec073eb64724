"""Class ancestry: the one walk over a class's bases, nearest first.

A class of the linted file may inherit from classes of the same file (walked through the
file model), of the project (walked through the index's summaries) or from outside (known
by name only). Test collection, fixtures, method resolution and the rules all ask this
module, so "is this a ``TestCase``?" and "which fixtures does it inherit?" agree.

The resolver is taken structurally (:class:`ClassResolver`): the resolver's own method
lookup builds on the ancestry, so naming its class here would be an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import libcst as cst

from asynclint.index.project import ProjectIndex, Symbol
from asynclint.index.summary import ClassFacts, ModuleSummary
from asynclint.semantics.filemodel import Binding, ClassScope, Scope, dotted

MAX_LOCAL_DEPTH = 8  # deeper chains of this file's classes are not followed (unreadable)


class ClassResolver(Protocol):
    """What the ancestry needs of :class:`~asynclint.semantics.resolve.Resolver`."""

    @property
    def index(self) -> ProjectIndex: ...

    def lookup(self, name: str, scope: Scope | None) -> Binding | None: ...

    def qualify(self, expr: cst.BaseExpression | str, scope: Scope | None) -> str: ...

    def resolve_qualname(self, qualname: str) -> Symbol | None: ...


@dataclass(frozen=True)
class Ancestor:
    """One ancestor class: defined in this file, in the project (index), or outside (name only)."""

    qualname: str
    local: ClassScope | None = None
    facts: ClassFacts | None = None
    summary: ModuleSummary | None = None

    @property
    def external(self) -> bool:
        return self.local is None and self.facts is None


def ancestors(
    cls: ClassScope, resolver: ClassResolver, depth: int = 0, *, keyword_bases: bool = False
) -> list[Ancestor] | None:
    """Every ancestor of a class of this file, nearest first; None when a base is unreadable.

    ``keyword_bases`` also reads ``metaclass=...`` and other keyword arguments of the class
    statement as bases: the name-only view (:func:`class_ancestry`) has always done so, and
    its callers' findings rest on it.
    """
    assert cls.node is not None
    found: list[Ancestor] = []
    for base in cls.node.bases:
        if base.keyword is not None and not keyword_bases:
            continue
        base_name = dotted(base.value)
        if not base_name:
            return None
        binding = resolver.lookup(base_name.partition(".")[0], cls.parent)
        if binding is not None and binding.kind == "class" and binding.cls is not None and "." not in base_name:
            if depth > MAX_LOCAL_DEPTH:
                return None
            inner = ancestors(binding.cls, resolver, depth + 1, keyword_bases=keyword_bases)
            if inner is None:
                return None
            found.append(Ancestor(base_name, local=binding.cls))
            found.extend(inner)
            continue
        if base_name == "object" and binding is None:
            continue
        qualname = resolver.qualify(base_name, cls.parent)
        if not qualname:
            return None
        symbol = resolver.resolve_qualname(qualname)
        if symbol is None or symbol.cls is None:
            found.append(Ancestor(qualname))
            continue
        found.append(Ancestor(qualname, facts=symbol.cls, summary=symbol.module))
        found.extend(project_ancestors(resolver.index, symbol.module, symbol.cls))
    return found


def project_ancestors(index: ProjectIndex, summary: ModuleSummary, cls: ClassFacts) -> list[Ancestor]:
    """The ancestors of a project class (read from the index's summaries)."""
    found: list[Ancestor] = []
    for ancestor in index.class_ancestry(summary, cls):
        if isinstance(ancestor, str):
            found.append(Ancestor(ancestor))
        elif ancestor.cls is not None:
            found.append(Ancestor(ancestor.qualname, facts=ancestor.cls, summary=ancestor.module))
    return found


def class_ancestry(cls: ClassScope, resolver: ClassResolver) -> list[str] | None:
    """Qualified names of every ancestor; None when some base cannot be resolved at all."""
    found = ancestors(cls, resolver, keyword_bases=True)
    return None if found is None else [a.qualname for a in found]
