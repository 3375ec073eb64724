import asyncio
import time
from time import sleep as pause

import pytest


@pytest.mark.asyncio
async def test_sleeps():
    await asyncio.sleep(0)
    await asyncio.sleep(0)  # aliased import
