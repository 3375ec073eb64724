"""Blocking functions called under another name: a partial (local or module level) and a
name bound to the function."""

import asyncio
import functools
import subprocess
import sys
import time

import pytest

SLEEP = [sys.executable, "-c", "import time; time.sleep(0.3)"]
sh = functools.partial(subprocess.run, check=True)


async def start_ticker(ticks):
    async def tick():
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    task = asyncio.create_task(tick())
    await asyncio.sleep(0)
    return task


@pytest.mark.asyncio
async def test_module_partial_freezes_the_loop():
    ticks = []
    task = await start_ticker(ticks)
    sh(SLEEP)  # error: ASL302
    assert len(ticks) == 1
    task.cancel()


@pytest.mark.asyncio
async def test_local_partial_and_rebound_name():
    ticks = []
    task = await start_ticker(ticks)
    quiet = functools.partial(subprocess.check_call, stdout=subprocess.DEVNULL)
    quiet(SLEEP)  # error: ASL302
    call = subprocess.call
    call(SLEEP)  # error: ASL302
    assert len(ticks) == 1
    task.cancel()
