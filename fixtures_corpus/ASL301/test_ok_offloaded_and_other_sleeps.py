import asyncio
import time

import anyio
import pytest


async def sleep(seconds):
    # A local coroutine that happens to be called `sleep`.
    await asyncio.sleep(seconds)


@pytest.mark.asyncio
async def test_awaited_sleeps():
    await asyncio.sleep(0.01)
    await sleep(0.01)


@pytest.mark.asyncio
async def test_time_sleep_passed_not_called():
    await asyncio.to_thread(time.sleep, 0.01)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0.01)


@pytest.mark.asyncio
async def test_sleep_in_a_lambda_run_by_the_executor():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, lambda: time.sleep(0.01))


@pytest.mark.asyncio
async def test_other_time_functions():
    started = time.monotonic()
    await asyncio.sleep(0)
    assert time.perf_counter() > 0
    assert time.monotonic() >= started


@pytest.mark.anyio
async def test_anyio_sleep():
    await anyio.sleep(0.01)


@pytest.fixture
def anyio_backend():
    return "asyncio"
