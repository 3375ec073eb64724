import asyncio
import asyncio as aio
from asyncio import get_event_loop

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def loop_time():
    return asyncio.get_event_loop().time()  # error: ASL404


async def schedule(callback):
    loop = aio.get_event_loop()  # error: ASL404
    return loop.call_soon(callback)


@pytest.mark.asyncio
async def test_same_loop_inside_a_coroutine(loop_time):
    loop = get_event_loop()  # error: ASL404
    assert loop is asyncio.get_running_loop()
    assert loop_time > 0
    handle = await schedule(lambda: None)
    handle.cancel()


class TestMethods:
    @pytest.mark.asyncio
    async def test_method(self):
        assert asyncio.get_event_loop().is_running()  # error: ASL404
