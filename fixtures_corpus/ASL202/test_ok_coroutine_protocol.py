from typing import Any, Generator

import pytest


class Answer:
    """An awaitable delegating to a coroutine method: using the coroutine object is the point."""

    async def compute(self) -> int:
        return 42

    def __await__(self) -> Generator[Any, Any, int]:
        return self.compute().__await__()


@pytest.mark.asyncio
async def test_awaitable_wrapper():
    assert await Answer() == 42


def test_drive_by_hand():
    coro = Answer().compute()
    try:
        coro.send(None)
    except StopIteration as stop:
        assert stop.value == 42
