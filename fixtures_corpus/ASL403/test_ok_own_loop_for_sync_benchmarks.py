"""A test module with no coroutine in it names its own loop fixture `event_loop` and its
sync tests drive that loop themselves. Since pytest-asyncio 1.0 the name has no meaning
to the plugin, so nothing here is deprecated or removed."""

import asyncio
from collections.abc import Iterator

import pytest


@pytest.fixture
def event_loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


async def _tick() -> int:
    await asyncio.sleep(0)
    return 1


def test_drives_its_own_loop(event_loop: asyncio.AbstractEventLoop) -> None:
    assert event_loop.run_until_complete(_tick()) == 1


def test_drives_it_again(event_loop: asyncio.AbstractEventLoop) -> None:
    assert event_loop.run_until_complete(_tick()) == 1
