import asyncio
import time

import pytest


@pytest.mark.asyncio
async def test_background_task_is_frozen():
    ticks = []

    async def ticker():
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    assert len(ticks) == 1
    time.sleep(0.2)  # error: ASL301
    # The ticker should have run about 20 times; the event loop was blocked instead.
    assert len(ticks) == 1
    task.cancel()


@pytest.mark.asyncio
async def test_plain_blocking_sleep():
    started = time.monotonic()
    time.sleep(0.01)  # error: ASL301
    assert time.monotonic() - started >= 0.01
