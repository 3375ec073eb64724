import asyncio
import time

import pytest


@pytest.mark.asyncio
async def test_blocking_work_runs_in_a_thread():
    def blocking_work():
        # A plain function run in a worker thread: blocking is fine here.
        time.sleep(0.01)
        return "done"

    assert await asyncio.to_thread(blocking_work) == "done"


@pytest.mark.asyncio
async def test_callback_defined_inside_coroutine():
    loop = asyncio.get_running_loop()

    def slow_callback():
        time.sleep(0.01)
        return 1

    assert await loop.run_in_executor(None, slow_callback) == 1
