"""What a call reaches: the answer of name resolution, shared by the resolver and value
inference (which each build on the other, so neither can own it)."""

from __future__ import annotations

from dataclasses import dataclass

from asynclint.index.summary import ASYNC_GEN

# Callee kinds.
COROUTINE = "coroutine"  # calling it returns a coroutine
FUTURE = "future"  # calling it returns an awaitable future (asyncio.gather)
ASYNC_GENERATOR = ASYNC_GEN
PLAIN = "plain"  # a known synchronous callable
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Callee:
    kind: str
    name: str  # the callee as written ("client.get")
    qualname: str = ""  # resolved dotted name when known
    definition: str = ""  # "async def fetch in app/service.py:3"

    @property
    def awaitable(self) -> bool:
        return self.kind in (COROUTINE, FUTURE)
