"""A test asserting the very RuntimeError ASL402 predicts checks that behaviour on purpose."""
import asyncio

import pytest


@pytest.mark.asyncio
async def test_nested_run_raises():
    loop = asyncio.get_running_loop()
    coro = asyncio.sleep(0)
    with pytest.raises(RuntimeError):
        loop.run_until_complete(coro)
    coro.close()
