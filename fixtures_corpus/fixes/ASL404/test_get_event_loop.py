import asyncio

import pytest


@pytest.mark.asyncio
async def test_loop_time():
    loop = asyncio.get_event_loop()
    assert loop.time() > 0
    assert asyncio.get_event_loop().is_running()
