import time
from time import sleep as pause

import pytest


@pytest.mark.asyncio
async def test_sleeps():
    time.sleep(0)
    pause(0)  # aliased import
