import asyncio
from asyncio import new_event_loop

import pytest


async def fetch():
    return 1


@pytest.fixture
def loop():
    loop = new_event_loop()  # error: ASL401
    asyncio.set_event_loop(loop)  # error: ASL401
    yield loop
    loop.close()
    asyncio.set_event_loop(None)  # error: ASL401


def run(coro):
    return asyncio.run(coro)  # error: ASL401


def test_with_loop_fixture(loop):
    assert loop.run_until_complete(fetch()) == 1  # error: ASL401


def test_with_helper():
    assert run(fetch()) == 1


def make_and_run_loop():
    loop = asyncio.new_event_loop()  # error: ASL401
    loop.run_until_complete(fetch())  # error: ASL401
    return loop
