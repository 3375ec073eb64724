"""A fixture that creates, installs, yields, closes and restores a loop owns it; tests that
receive it, and helpers that may run inside a loop, do not manage a loop by hand. A helper
returning the loop it made hands it over to its caller."""
import asyncio
from asyncio import new_event_loop

import pytest


async def fetch():
    return 1


@pytest.fixture
def loop():
    loop = new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


def run(coro):
    return asyncio.run(coro)


def test_with_loop_fixture(loop):
    assert loop.run_until_complete(fetch()) == 1


def test_with_helper():
    assert run(fetch()) == 1


def make_and_run_loop():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(fetch())
    return loop


@pytest.fixture
def leaky_loop():
    loop = new_event_loop()  # error: ASL401
    asyncio.set_event_loop(loop)  # error: ASL401
    yield loop


@pytest.fixture
def restored_loop():
    try:
        old = asyncio.get_event_loop()
    except RuntimeError:
        old = None
    loop = new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(old)


class HarnessMixin:
    def test_uses_the_harness_loop(self):
        asyncio.set_event_loop(self.loop)
