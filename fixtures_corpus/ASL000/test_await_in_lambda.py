import asyncio

import pytest


@pytest.mark.asyncio
async def test_callback():
    callback = lambda: await asyncio.sleep(0)  # error: ASL000
    callback()
