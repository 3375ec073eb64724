import asyncio

import pytest


@pytest.mark.asyncio
async def test_run_forever_on_running_loop():
    loop = asyncio.get_running_loop()
    loop.run_forever()  # error: ASL402
