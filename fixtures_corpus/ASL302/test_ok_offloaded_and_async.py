import asyncio
import functools
import subprocess
import sys

import pytest


@pytest.mark.asyncio
async def test_to_thread():
    result = await asyncio.to_thread(subprocess.run, [sys.executable, "-c", "pass"])
    assert result.returncode == 0


@pytest.mark.asyncio
async def test_executor_with_lambda_and_partial():
    loop = asyncio.get_running_loop()
    first = await loop.run_in_executor(None, lambda: subprocess.run([sys.executable, "-c", "pass"]))
    second = await loop.run_in_executor(
        None, functools.partial(subprocess.check_output, [sys.executable, "-c", "print(1)"])
    )
    assert first.returncode == 0 and second == b"1\n"


@pytest.mark.asyncio
async def test_nested_sync_function_runs_in_a_thread():
    def work():
        return subprocess.run([sys.executable, "-c", "pass"]).returncode

    assert await asyncio.to_thread(work) == 0


@pytest.mark.asyncio
async def test_async_subprocess():
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    assert await process.wait() == 0


def test_sync_test_may_block():
    assert subprocess.run([sys.executable, "-c", "pass"]).returncode == 0


@pytest.mark.asyncio
async def test_names_that_only_look_like_it():
    requests = []
    requests.append(1)
    run = len
    assert run(requests) == 1
