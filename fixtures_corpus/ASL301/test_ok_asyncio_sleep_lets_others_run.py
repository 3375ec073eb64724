import asyncio
import time

import pytest


@pytest.mark.asyncio
async def test_background_task_keeps_ticking():
    ticks = []

    async def ticker():
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await asyncio.sleep(0.2)
    # The loop stayed free: the ticker ran many times during the sleep.
    assert len(ticks) > 2
    task.cancel()
