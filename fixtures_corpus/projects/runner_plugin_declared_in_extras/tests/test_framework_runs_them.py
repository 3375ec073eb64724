"""pytest-aio arrives through its pytest11 entry point (declared in the test extras, no line
in the pytest config) and runs every coroutine test and fixture itself: no marks needed."""
import asyncio

import pytest


@pytest.fixture
async def connection():
    await asyncio.sleep(0)
    return {"open": True}


async def test_connection_is_open(connection):
    assert connection["open"]


def test_sync_uses_async_fixture(connection):
    assert connection
