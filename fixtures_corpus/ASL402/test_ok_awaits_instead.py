import asyncio

import pytest


async def fetch():
    await asyncio.sleep(0)
    return 1


@pytest.mark.asyncio
async def test_await_directly():
    assert await fetch() == 1
    assert await asyncio.wait_for(fetch(), timeout=1) == 1


@pytest.mark.asyncio
async def test_second_loop_in_a_worker_thread():
    # asyncio.run is passed, not called, in the coroutine: it runs in another thread.
    assert await asyncio.to_thread(asyncio.run, fetch()) == 1
