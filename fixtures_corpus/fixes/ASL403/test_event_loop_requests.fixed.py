"""Coroutines that request `event_loop` use the loop they run in instead."""
import pytest
import pytest_asyncio
import asyncio


def blocking_work():
    return 2


@pytest_asyncio.fixture
async def offloaded():
    return await asyncio.get_running_loop().run_in_executor(None, blocking_work)


@pytest.mark.asyncio
async def test_executor(offloaded):
    assert offloaded == 2
    assert await asyncio.get_running_loop().run_in_executor(None, blocking_work) == 2


@pytest.mark.asyncio
async def test_future(
    offloaded,
):
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(future.set_result, offloaded)
    assert await future == 2


class TestInClass:
    @pytest.mark.asyncio
    async def test_time(self):
        assert asyncio.get_running_loop().time() >= 0
