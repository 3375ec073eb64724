"""Which fixture a name refers to, the way pytest finds it.

pytest looks a requested name up from the requester outwards and the closest
definition wins: the test's class (and its bases), the test module (functions
defined there, or imported into it), the ``conftest.py`` files from the test's
folder up to the rootdir, then plugins (``pytest_plugins`` and ``-p``). A
fixture that requests its own name (``def client(client)``) overrides the next
definition outwards. Definitions in the linted file come from the
:class:`FileModel`; everything else from the index summaries (``ast``, cached).

Anything that cannot be found returns None: the fixture may come from an
installed plugin asynclint does not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import libcst as cst

from asynclint.index.summary import ASYNC, ASYNC_GEN, FunctionFacts, ModuleSummary, qualify_in_summary
from asynclint.semantics import tables
from asynclint.semantics.ancestry import ancestors
from asynclint.semantics.coroutine_runners import conftest_chain
from asynclint.semantics.filemodel import ClassScope, FunctionScope, keyword_value
from asynclint.semantics.pytest_items import (
    FixtureDecorator,
    fixture_decorator,
    fixture_name,
    other_decorators,
)

if TYPE_CHECKING:  # pragma: no cover
    from asynclint.config.pytest_config import PytestProfile
    from asynclint.config.versions import ProjectVersions
    from asynclint.index.project import ProjectIndex
    from asynclint.semantics.context import FileContext, FileFacts

CLASS, MODULE, IMPORTED, CONFTEST, PLUGIN = "class", "module", "imported", "conftest", "plugin"


@dataclass(frozen=True)
class FixtureInfo:
    """A fixture definition found for a requested name."""

    name: str  # the name it is requested by
    function_name: str
    kind: str  # ASYNC | ASYNC_GEN | SYNC (of the def itself)
    decorator: str  # qualified fixture decorator ("pytest.fixture"); "" when unresolvable
    extra_decorators: bool  # decorators besides marks and the fixture decorator
    path: str
    line: int
    origin: str  # CLASS | MODULE | IMPORTED | CONFTEST | PLUGIN
    autouse: bool = False
    params_marked: bool = False  # ``params=`` may carry marks for the requesting tests
    facts: FunctionFacts | None = None  # index facts (definitions in other files, module level)
    summary: ModuleSummary | None = None
    function: FunctionScope | None = None  # when defined in the linted file

    @property
    def is_async(self) -> bool:
        return self.kind in (ASYNC, ASYNC_GEN)

    @property
    def is_pytest_asyncio(self) -> bool:
        return self.decorator in tables.ASYNCIO_FIXTURE_DECORATORS

    @property
    def is_plain_pytest(self) -> bool:
        return self.decorator in tables.PYTEST_FIXTURE_DECORATORS

    def where(self, root: Path) -> str:
        try:
            shown = Path(self.path).resolve().relative_to(root).as_posix()
        except ValueError:
            shown = Path(self.path).name
        return f"{shown}:{self.line}"


# ------------------------------------------------------------------ summaries
def _is_mark_name(qualname: str) -> bool:
    parts = qualname.split(".")
    return len(parts) >= 3 and parts[-2] == "mark"


def _from_facts(
    ctx: FileContext, summary: ModuleSummary, facts: FunctionFacts, origin: str, name: str | None = None
) -> FixtureInfo:
    """A fixture of another module, from its summary; an unresolvable fixture decorator or
    one among other decorators (besides marks) counts as ``extra_decorators``."""
    decorator = ctx.resolver.summarised_fixture_decorator(summary, facts) or ""
    written_out = [w for w in facts.decorators if not _is_mark_name(qualify_in_summary(summary, w) or w)]
    extra = not decorator or len(written_out) > 1
    return FixtureInfo(
        name=name or facts.fixture_name or facts.name,
        function_name=facts.name,
        kind=facts.kind,
        decorator=decorator,
        extra_decorators=extra,
        path=summary.path,
        line=facts.line,
        origin=origin,
        autouse=facts.autouse,
        params_marked=facts.params_marked,
        facts=facts,
        summary=summary,
    )


def _from_scope(ctx: FileContext, function: FunctionScope, origin: str) -> FixtureInfo | None:
    found = fixture_decorator(function, ctx.resolver)
    if found is None:
        return None
    assert function.node is not None
    facts = None
    if function.parent is ctx.model.module:
        facts = ctx.summary.functions.get(function.name)
    line = facts.line if facts is not None else 0
    autouse = bool(facts.autouse) if facts is not None else False
    return FixtureInfo(
        name=fixture_name(function, found),
        function_name=function.name,
        kind=function.kind,
        decorator=found.qualname,
        extra_decorators=bool(other_decorators(function, ctx.resolver)) or not found.qualname,
        path=str(ctx.path),
        line=line,
        origin=origin,
        autouse=autouse,
        params_marked=_params_marked(keyword_value(found.call, "params")),
        facts=facts,
        summary=ctx.summary,
        function=function,
    )


def _params_marked(params: cst.BaseExpression | None) -> bool:
    """Whether fixture ``params`` may hold ``pytest.param(..., marks=...)`` (unreadable: yes)."""
    if params is None:
        return False
    if not isinstance(params, (cst.List, cst.Tuple)):
        return True
    return any(isinstance(e.value, cst.Call) and keyword_value(e.value, "marks") is not None for e in params.elements)


def _summary_fixtures(
    ctx: FileContext, summary: ModuleSummary, name: str, origin: str, depth: int = 0
) -> FixtureInfo | None:
    """A fixture ``name`` defined in, imported into or star-imported into a module."""
    for facts in summary.functions.values():
        if facts.is_fixture and (facts.fixture_name or facts.name) == name:
            return _from_facts(ctx, summary, facts, origin)
    unmarked = summary.functions.get(name)
    if (
        unmarked is not None
        and not unmarked.is_fixture
        and ctx.resolver.summarised_fixture_decorator(summary, unmarked)
    ):
        # made a fixture by a project alias (``@aio_fixture``); the summary saw the others above
        return _from_facts(ctx, summary, unmarked, origin)
    if depth > 3:
        return None
    target = summary.imports.get(name)
    if target:
        symbol = ctx.index.resolve(target)
        if symbol is not None and symbol.function is not None and symbol.function.is_fixture:
            if (symbol.function.fixture_name or symbol.function.name) == name:
                return _from_facts(ctx, symbol.module, symbol.function, origin)
    for star in summary.star_imports:
        inner = ctx.index.summary(star)
        if inner is not None and inner is not summary:
            found = _summary_fixtures(ctx, inner, name, origin, depth + 1)
            if found is not None:
                return found
    return None


# ------------------------------------------------------------------ per file
@dataclass
class _FileFixtures:
    model_id: int
    module: dict[str, FixtureInfo]
    conftests: list[ModuleSummary]
    plugins: list[ModuleSummary]


def _file_fixtures(ctx: FileContext) -> _FileFixtures:
    """The file's fixture table, built once per file (kept on the context, not the module)."""
    return ctx.cached(_build_file_fixtures)


def _build_file_fixtures(ctx: FileContext) -> _FileFixtures:

    module: dict[str, FixtureInfo] = {}
    for function in ctx.model.functions:
        if function.parent is ctx.model.module:
            info = _from_scope(ctx, function, MODULE)
            if info is not None:
                module.setdefault(info.name, info)
    chain = [ctx.index.summary_for_path(p) for p in conftest_chain(ctx.path, ctx.index)]
    conftests = list(reversed(chain))  # nearest first
    plugin_names: list[str] = list(ctx.summary.pytest_plugins)
    for summary in conftests:
        plugin_names.extend(summary.pytest_plugins)
    plugin_names.extend(p for p in ctx.profile.plugins if not p.startswith("no:"))
    plugins: list[ModuleSummary] = []
    seen: set[str] = set()
    queue = [(name, 0) for name in plugin_names]
    while queue:
        name, depth = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        plugin = ctx.index.summary(name)
        if plugin is None:
            continue
        plugins.append(plugin)
        if depth < 3:
            queue.extend((inner, depth + 1) for inner in plugin.pytest_plugins)
    return _FileFixtures(id(ctx.model), module, conftests, plugins)


def _class_fixture(ctx: FileContext, cls: ClassScope, name: str, skip: FunctionScope | None) -> FixtureInfo | None:
    for method in cls.methods.values():
        if method is skip:
            continue
        info = _from_scope(ctx, method, CLASS)
        if info is not None and info.name == name:
            return info
    found = ancestors(cls, ctx.resolver)
    for ancestor in found or ():
        if ancestor.local is not None:
            for method in ancestor.local.methods.values():
                if method is skip:
                    continue
                info = _from_scope(ctx, method, CLASS)
                if info is not None and info.name == name:
                    return info
        elif ancestor.facts is not None and ancestor.summary is not None:
            for facts in ancestor.facts.methods.values():
                if facts.is_fixture and (facts.fixture_name or facts.name) == name:
                    return _from_facts(ctx, ancestor.summary, facts, CLASS)
    return None


def resolve_fixture(ctx: FileContext, name: str, function: FunctionScope | None = None) -> FixtureInfo | None:
    """The fixture ``name`` means when requested by ``function`` (None: not found in the project)."""
    table = _file_fixtures(ctx)
    own = None
    if function is not None and fixture_decorator(function, ctx.resolver) is not None:
        own = _from_scope(ctx, function, MODULE)
    overriding = own is not None and own.name == name
    # 1. the requester's class and its bases
    cls = function.owner_class if function is not None else None
    if cls is not None:
        found = _class_fixture(ctx, cls, name, function if overriding else None)
        if found is not None:
            return found
    # 2. the module: defined here, or imported (``from .fixtures import db``, star imports)
    skip_module = overriding and cls is None
    if not skip_module:
        found = table.module.get(name)
        if found is not None:
            return found
        if not ctx.model.module.bindings.get(name) or any(
            b.kind == "import" for b in ctx.model.module.bindings.get(name, [])
        ):
            imported = _imported_into_module(ctx, name)
            if imported is not None:
                return imported
    # 3. conftest.py files, nearest first, 4. plugins
    for summary in table.conftests:
        found = _summary_fixtures(ctx, summary, name, CONFTEST)
        if found is not None:
            return found
    for summary in table.plugins:
        found = _summary_fixtures(ctx, summary, name, PLUGIN)
        if found is not None:
            return found
    return None


def marks_from_fixture_params(ctx: FileContext, names: list[str], function: FunctionScope, depth: int = 0) -> bool:
    """Whether a requested fixture (or one it requests, transitively) is parametrized with
    ``pytest.param(..., marks=...)``: pytest then puts those marks on the test itself."""
    for name in names:
        info = resolve_fixture(ctx, name, function if depth == 0 else None)
        if info is None:
            continue
        if info.params_marked:
            return True
        params = (
            info.facts.params if info.facts is not None else (info.function.params if info.function is not None else ())
        )
        inner = [p for p in params if p not in ("self", "cls", "request", name)]
        if inner and depth < 4 and marks_from_fixture_params(ctx, inner, function, depth + 1):
            return True
    return False


def _imported_into_module(ctx: FileContext, name: str) -> FixtureInfo | None:
    summary = ctx.summary
    target = summary.imports.get(name)
    if target:
        symbol = ctx.resolver.resolve_qualname(target)
        if symbol is not None and symbol.function is not None and symbol.function.is_fixture:
            if (symbol.function.fixture_name or symbol.function.name) == name:
                return _from_facts(ctx, symbol.module, symbol.function, IMPORTED)
    for star in summary.star_imports:
        inner = ctx.index.summary(star)
        if inner is not None:
            found = _summary_fixtures(ctx, inner, name, IMPORTED)
            if found is not None:
                return found
    return None


def iter_conftest_summaries(ctx: FileContext) -> Iterator[ModuleSummary]:
    yield from _file_fixtures(ctx).conftests


# ------------------------------------------------------------------ other async plugins
_OTHER_ASYNC = re.compile(r"\b(anyio|trio|pytest_trio|trio_asyncio|curio|twisted|tornado)\b")
_OTHER_MARK = re.compile(r"\bmark\.(anyio|trio)\b")
_OTHER_ASYNC_MODULES = ("anyio", "trio", "pytest_trio", "trio_asyncio", "curio", "twisted", "tornado")


def _summary_uses_other_async(summary: ModuleSummary) -> bool:
    if any(t.partition(".")[0] in _OTHER_ASYNC_MODULES for t in summary.imports.values()):
        return True
    if any(p.partition(".")[0] in _OTHER_ASYNC_MODULES for p in summary.pytest_plugins):
        return True
    return "anyio_backend" in summary.functions


def _uses_pytest_asyncio(source: str) -> bool:
    """A file that imports pytest_asyncio or marks tests ``asyncio`` serves pytest-asyncio too."""
    return "pytest_asyncio" in source or "mark.asyncio" in source


def other_async_plugin(ctx: FileContext, fixture: FixtureInfo | None = None) -> str | None:
    """Why async fixtures of this file may be handled by a plugin other than pytest-asyncio."""
    profile = ctx.profile
    if profile.asyncio_mode == "auto":
        return "asyncio_mode = auto"
    if profile.anyio_auto:
        return "anyio_mode = auto"
    if profile.trio_auto:
        return "trio_mode = true"
    if ctx.runner_context.other_runner:
        return ctx.runner_context.other_runner
    if ctx.runner_context.anyio_backend_autouse:
        return "an autouse fixture requests anyio_backend"
    if any(_OTHER_ASYNC.search(p) for p in profile.plugins):
        return "a plugin of another async framework is loaded"
    if _OTHER_MARK.search(ctx.source):
        return "the file marks tests for another async framework"
    table = _file_fixtures(ctx)
    if _summary_uses_other_async(ctx.summary) and not _uses_pytest_asyncio(ctx.source):
        return "the file uses another async framework"
    for summary in (*table.conftests, *table.plugins):
        if _summary_uses_other_async(summary):
            return f"{Path(summary.path).name} uses another async framework"
    if fixture is not None:
        params = (
            fixture.facts.params
            if fixture.facts is not None
            else (fixture.function.params if fixture.function is not None else ())
        )
        if "anyio_backend" in params:
            return f"fixture `{fixture.name}` requests anyio_backend: anyio runs it"
    if fixture is not None and fixture.summary is not None and fixture.summary is not ctx.summary:
        if _summary_uses_other_async(fixture.summary):
            return f"{Path(fixture.summary.path).name} uses another async framework"
    return None


def strict_mode_handles_nothing(ctx: FileContext, versions: ProjectVersions) -> bool:
    """Whether pytest-asyncio runs in strict mode here (async fixtures need its decorator)."""
    profile = ctx.profile
    if not profile.asyncio_plugin_enabled or profile.asyncio_mode != "strict":
        return False
    if not versions.asyncio_installed:
        return False  # the project's lock file has no pytest-asyncio
    if not versions.asyncio_at_least(0, 17):
        return False  # no modes: every async fixture was handled
    if profile.asyncio_mode_source == "default" and not versions.asyncio_at_least(0, 19):
        return False  # 0.17/0.18 defaulted to legacy mode, which handled async fixtures
    return True


# ------------------------------------------------------------------ for the engine's pre-parse skip
def _conftest_async_fixtures(path: Path, index: ProjectIndex, profile: PytestProfile) -> frozenset[str]:

    names: set[str] = set()
    plugin_names = list(p for p in profile.plugins if not p.startswith("no:"))
    for conftest in conftest_chain(path, index):
        summary = index.summary_for_path(conftest)
        plugin_names.extend(summary.pytest_plugins)
        names.update(f.fixture_name or f.name for f in summary.functions.values() if f.is_fixture and f.kind != "sync")
    for plugin in plugin_names:
        plugin_summary = index.summary(plugin)
        if plugin_summary is not None:
            names.update(
                f.fixture_name or f.name for f in plugin_summary.functions.values() if f.is_fixture and f.kind != "sync"
            )
    return frozenset(names)


def needs_fixture_rules(path: Path, summary: ModuleSummary, index: ProjectIndex, profile: PytestProfile) -> bool:
    """Whether a file without the fixture rules' trigger words may still have findings of
    them: a fixture carrying a mark (ASL108), or a parameter named like an async
    fixture of its conftest chain or plugins (ASL109). Summary-level, no parsing."""
    functions = [*summary.functions.values()]
    for cls in summary.classes.values():
        functions.extend(cls.methods.values())
    for facts in functions:
        if facts.is_fixture and any(".mark." in f".{d}" for d in facts.decorators):
            return True
    params = {p for facts in functions for p in facts.params}
    if not params:
        return False
    return bool(params & _conftest_async_fixtures(path, index, profile))


def fixture_rules_apply(facts: FileFacts) -> bool:
    """:func:`needs_fixture_rules` for the gate's file facts (kept once per file on them)."""
    return needs_fixture_rules(facts.path, facts.summary, facts.index, facts.profile)


def user_fixtures(ctx: FileContext, wanted: str) -> Iterator[tuple[FunctionScope, FixtureDecorator]]:
    """(function, decorator) for every fixture of this file requested as ``wanted``."""
    for function in ctx.model.functions:
        found = fixture_decorator(function, ctx.resolver)
        if found is not None and fixture_name(function, found) == wanted:
            yield function, found
