"""Objects handed out through Python's protocols: a factory instance called like a function
(``__call__``), a context object whose ``__aenter__`` returns another class, a registry read
with ``[]`` (``__getitem__``), a container typed ``type[T] -> T``, a pipe whose ``__new__``
returns a pair of ends."""

from __future__ import annotations

import asyncio
from typing import Generic, TypeVar

T = TypeVar("T")


class Session:
    def __init__(self) -> None:
        self.rows: list[int] = []

    async def execute(self, row: int) -> list[int]:
        await asyncio.sleep(0)
        self.rows.append(row)
        return self.rows

    async def commit(self) -> bool:
        await asyncio.sleep(0)
        return True

    def add(self, row: int) -> None:
        self.rows.append(row)


class _SessionContext:
    async def __aenter__(self) -> Session:
        return Session()

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.sleep(0)


class SessionFactory:
    def __call__(self) -> _SessionContext:
        return _SessionContext()


class Channel:
    async def publish(self, text: str) -> str:
        await asyncio.sleep(0)
        return text

    def render(self, text: str) -> str:
        return f"#{text}"


class Registry:
    def __init__(self) -> None:
        self._channels: dict[str, Channel] = {}

    def __getitem__(self, name: str) -> Channel:
        return self._channels.setdefault(name, Channel())


class Repository:
    async def save(self, item: str) -> str:
        await asyncio.sleep(0)
        return item


class Container:
    def __init__(self) -> None:
        self._made: dict[type, object] = {}

    def get(self, cls: type[T]) -> T:
        return self._made.setdefault(cls, cls())  # type: ignore[return-value]


class Connection:
    async def fetch(self, query: str) -> list[str]:
        await asyncio.sleep(0)
        return [query]

    def prepare(self, query: str) -> str:
        return query.strip()


class Pool:
    async def acquire(self) -> Connection:
        await asyncio.sleep(0)
        return Connection()


class Sender(Generic[T]):
    def __init__(self, items: list[T]) -> None:
        self.items = items

    async def send(self, item: T) -> None:
        await asyncio.sleep(0)
        self.items.append(item)

    def send_nowait(self, item: T) -> None:
        self.items.append(item)


class Receiver(Generic[T]):
    def __init__(self, items: list[T]) -> None:
        self.items = items

    def receive_nowait(self) -> T:
        return self.items.pop(0)


class pipe(Generic[T]):
    """Called like a function for its two ends (``send, receive = pipe[int]()``)."""

    def __new__(cls) -> tuple[Sender[T], Receiver[T]]:  # type: ignore[misc]
        items: list[T] = []
        return (Sender(items), Receiver(items))
