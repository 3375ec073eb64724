import asyncio
import time as t

import pytest


@pytest.mark.asyncio
async def test_sleep():
    await asyncio.sleep(0.01)
    await asyncio.sleep(0)
