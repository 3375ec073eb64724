"""Coroutines that request `event_loop` use the loop they run in instead."""
import pytest
import pytest_asyncio


def blocking_work():
    return 2


@pytest_asyncio.fixture
async def offloaded(event_loop):
    return await event_loop.run_in_executor(None, blocking_work)


@pytest.mark.asyncio
async def test_executor(event_loop, offloaded):
    assert offloaded == 2
    assert await event_loop.run_in_executor(None, blocking_work) == 2


@pytest.mark.asyncio
async def test_future(
    offloaded,
    event_loop,
):
    future = event_loop.create_future()
    event_loop.call_soon(future.set_result, offloaded)
    assert await future == 2


class TestInClass:
    @pytest.mark.asyncio
    async def test_time(self, event_loop):
        assert event_loop.time() >= 0
