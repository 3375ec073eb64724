"""Small pieces several rules share when they build messages and fixes."""

from __future__ import annotations

import functools
import os
import re

import libcst as cst

from asynclint.engine.discovery import is_skipped_dir
from asynclint.model import ImportRequest
from asynclint.rules.base import AFTER, BEFORE, FileContext, NodeEdit
from asynclint.semantics.filemodel import (
    DISCARD, VALUE, VALUE_POSTFIX, CallSite, enclosing_function,
)


def module_reference(ctx: FileContext, module: str) -> tuple[str, tuple[ImportRequest, ...]]:
    """How this file spells ``module`` (``pt`` after ``import pytest as pt``), plus an import if none."""
    for name, bindings in ctx.model.module.bindings.items():
        if len(bindings) == 1 and bindings[0].kind == "import" and bindings[0].qualname == module:
            return name, ()
    bound = ctx.model.module.bindings.get(module)
    if bound:
        # The name is taken by something else: do not shadow it with an import.
        return "", ()
    return module, (ImportRequest(module),)


def add_await_edits(site: CallSite) -> tuple[NodeEdit, ...]:
    """``await`` in front of a call, parenthesised when the call is an attribute/subscript base."""
    if site.context in (DISCARD, VALUE):
        return (NodeEdit(site.node, "await ", BEFORE),)
    if site.context == VALUE_POSTFIX:
        return (NodeEdit(site.node, "(await ", BEFORE), NodeEdit(site.node, ")", AFTER))
    return ()


def in_async_function(site: CallSite) -> bool:
    function = enclosing_function(site.scope)
    return function is not None and function.is_async


def call_text(ctx: FileContext, call: cst.Call) -> str:
    """``fetch()`` / ``client.get(...)``: the callee with elided arguments, for messages."""
    func = ctx.code(call.func)
    return f"{func}()" if not call.args else f"{func}(...)"


def async_library(ctx: FileContext) -> str:
    """The event-loop library this file uses (for advice): asyncio unless only trio/anyio appear."""
    imported = {
        b.qualname.partition(".")[0]
        for bindings in ctx.model.module.bindings.values()
        for b in bindings
        if b.kind == "import"
    }
    for library in ("asyncio", "trio", "anyio"):
        if library in imported:
            return library
    return "asyncio"


def preferred_runner(ctx: FileContext) -> str:
    """``anyio`` when the project runs coroutine tests with anyio's plugin, else ``asyncio``.

    Many projects (FastAPI, Starlette, uvicorn ...) use anyio's pytest plugin and do not
    install pytest-asyncio at all: an ``asyncio`` mark would be unknown there (an error
    under ``--strict-markers``). The evidence, nearest first: anyio auto mode; the file
    (``pytest_asyncio`` imported or ``asyncio`` marks vs. ``anyio`` marks or an
    ``anyio_backend`` fixture, also in its conftest chain); then the project's other
    files; pytest-asyncio when nothing says otherwise.
    """
    if ctx.profile.anyio_auto:
        return "anyio"
    summaries = [ctx.summary]
    for conftest in ctx.index.conftest_chain(ctx.path):
        summaries.append(ctx.index.summary_for_path(conftest))
    if any(target.startswith("pytest_asyncio") for s in summaries for target in s.imports.values()):
        return "asyncio"
    local = {mark or plugin for mark, plugin in _MARK_USE.findall(ctx.source)}
    if local & {"asyncio", "pytest_asyncio"}:
        return "asyncio"
    if "anyio" in local or any("anyio_backend" in s.functions for s in summaries):
        return "anyio"
    return _project_runner(str(ctx.index.root))


_MARK_USE = re.compile(r"\bmark\.(asyncio|anyio)\b|\b(?:import|from)\s+(pytest_asyncio)\b")


@functools.lru_cache(maxsize=64)
def _project_runner(root: str) -> str:
    """What the project's Python files use: pytest-asyncio wins as soon as any file uses it."""
    anyio = False
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not is_skipped_dir(folder, d)]
        for name in files:
            if not name.endswith(".py"):
                continue
            try:
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                    found = _MARK_USE.findall(handle.read())
            except OSError:
                continue
            for mark, plugin in found:
                if mark == "asyncio" or plugin:
                    return "asyncio"
                anyio = anyio or mark == "anyio"
    return "anyio" if anyio else "asyncio"


def clear_cache() -> None:
    """Forget what project scans found (a long-lived process may see the files change)."""
    _project_runner.cache_clear()
