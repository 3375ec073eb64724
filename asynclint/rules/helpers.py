"""Small pieces several rules share when they build messages and fixes."""

from __future__ import annotations

import libcst as cst

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
