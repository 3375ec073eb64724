import asyncio
import subprocess
import sys
import time
from subprocess import check_output

import pytest

SLEEP = [sys.executable, "-c", "import time; time.sleep(0.3)"]


async def start_ticker(ticks):
    async def tick():
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    task = asyncio.create_task(tick())
    await asyncio.sleep(0)
    return task


@pytest.mark.asyncio
async def test_subprocess_run_freezes_the_loop():
    ticks = []
    task = await start_ticker(ticks)
    subprocess.run(SLEEP, check=True)  # error: ASL302
    # The ticker should have ticked about 30 times; the loop was blocked instead.
    assert len(ticks) == 1
    task.cancel()


@pytest.mark.asyncio
async def test_other_process_helpers():
    assert check_output([sys.executable, "-c", "print(1)"]) == b"1\n"  # error: ASL302
    assert subprocess.call([sys.executable, "-c", "pass"]) == 0  # error: ASL302
    subprocess.check_call([sys.executable, "-c", "pass"])  # error: ASL302


@pytest.mark.asyncio
async def test_popen_wait_and_communicate():
    ticks = []
    task = await start_ticker(ticks)
    process = subprocess.Popen(SLEEP)
    process.wait()  # error: ASL302
    with subprocess.Popen([sys.executable, "-c", "print(2)"], stdout=subprocess.PIPE) as child:
        out, _ = child.communicate()  # error: ASL302
    assert out == b"2\n"
    assert len(ticks) == 1
    task.cancel()
