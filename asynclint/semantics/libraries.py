"""Which loop library runs a function or a project's coroutine tests: the test's marks, the
auto modes, the runner words of the file's text and its conftest chain."""

from __future__ import annotations

import re

from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import FunctionScope
from asynclint.semantics.pytest_items import collected_test, item_marks


def loop_library(ctx: FileContext, function: FunctionScope) -> str | None:
    """The library whose ``sleep`` works where ``function`` runs; None when that is unclear.

    The test's own marks decide first (a helper nested in a test runs in the test's loop),
    then trio/anyio auto mode, then what the file uses: anyio's functions work under every
    backend anyio runs, trio's only under trio.
    """
    top = function
    while isinstance(top.parent, FunctionScope):
        top = top.parent
    item = collected_test(top, ctx.resolver, ctx.profile)
    if item is not None:
        marks = item_marks(top, item.cls, ctx.resolver).names
        for library in ("trio", "anyio", "asyncio"):
            if library in marks:
                return library
    if ctx.profile.trio_auto:
        return "trio"
    if ctx.profile.anyio_auto:
        return "anyio"
    used = {m for m in _MARK_LIBRARY.findall(ctx.source)} | {
        b.qualname.partition(".")[0]
        for bindings in ctx.model.module.bindings.values()
        for b in bindings
        if b.kind == "import" and b.runtime
    }
    if "anyio" in used:
        return "anyio"
    if "trio" in used:
        return None if "asyncio" in used else "trio"
    if "asyncio" in used or "pytest_asyncio" in ctx.source:
        return "asyncio"
    if ctx.profile.asyncio_mode == "auto" and ctx.profile.asyncio_plugin_enabled:
        return "asyncio"
    return None  # nothing says which loop runs it (a framework's own runner, say)


# ``@pytest.mark.trio``: a loop library the file's tests are marked for.
_MARK_LIBRARY = re.compile(r"\bmark\.(asyncio|trio|anyio)\b")


def preferred_runner(ctx: FileContext) -> str | None:
    """The loop library whose mark the project runs coroutine tests with, or None.

    Many projects (FastAPI, Starlette, uvicorn ...) use anyio's pytest plugin and do not
    install pytest-asyncio at all: an ``asyncio`` mark would be unknown there (an error
    under ``--strict-markers``). The evidence, nearest first: anyio auto mode; the file
    (``pytest_asyncio`` imported or ``asyncio`` marks vs. ``anyio`` marks or an
    ``anyio_backend`` fixture, also in its conftest chain); then the project's marks, auto
    modes and declared runner plugins. None when nothing says which runner the project uses:
    advice then names no mark rather than a guess.
    """
    if ctx.profile.anyio_auto:
        return "anyio"
    summaries = [ctx.summary]
    for conftest in ctx.index.conftest_chain(ctx.path):
        summaries.append(ctx.index.summary_for_path(conftest))
    if any(target.startswith("pytest_asyncio") for s in summaries for target in s.imports.values()):
        return "asyncio"
    local = ctx.cached(_runner_words)
    if local & {"asyncio", "pytest_asyncio"}:
        return "asyncio"
    if "anyio" in local or any("anyio_backend" in s.functions for s in summaries):
        return "anyio"
    if "trio" in local or ctx.profile.trio_auto:
        return "trio"
    libraries = ctx.runner_context.libraries
    return libraries[0] if libraries else None


_MARK_USE = re.compile(r"\bmark\.(asyncio|anyio|trio)\b|\b(?:import|from)\s+(pytest_asyncio)\b")


def _runner_words(ctx: FileContext) -> frozenset[str]:
    """The runner marks and imports a file's text uses (once per file, through
    :meth:`FileContext.cached`: asked once per finding, a scan of the whole file each
    time made the cost grow with findings times file size)."""
    return frozenset(mark or plugin for mark, plugin in _MARK_USE.findall(ctx.source))
