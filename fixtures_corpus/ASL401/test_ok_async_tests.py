import asyncio

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_running_loop_is_provided():
    loop = asyncio.get_running_loop()
    assert loop.is_running()
    assert await loop.run_in_executor(None, sum, [1, 2]) == 3
    assert await fetch() == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_module_scoped_loop():
    assert await asyncio.wait_for(fetch(), timeout=1) == 1
