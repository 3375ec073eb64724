"""Message wording several rules share, so the same thing reads the same in every finding."""

from __future__ import annotations

import libcst as cst

from asynclint.index.summary import ASYNC
from asynclint.semantics.calls import in_async_function
from asynclint.semantics.context import FileContext
from asynclint.semantics.filemodel import CallSite
from asynclint.semantics.resolve import Callee


def call_text(ctx: FileContext, call: cst.Call) -> str:
    """``fetch()`` / ``client.get(...)``: the callee with elided arguments, for messages."""
    func = ctx.code(call.func)
    return f"{func}()" if not call.args else f"{func}(...)"


def coroutine_word(kind: str) -> str:
    return "a coroutine object" if kind == ASYNC else "an async generator object"


def coroutine_origin(callee: Callee) -> str:
    return f" (`{callee.name}` is {callee.definition})" if callee.definition else ""


def await_advice(site: CallSite, text: str) -> str:
    if in_async_function(site):
        return f"write `await {text}`"
    return "await it from an `async def` (make this function async)"
