import asyncio

import pytest


async def check_positive(value):
    await asyncio.sleep(0)
    if value <= 0:
        raise ValueError(value)


@pytest.mark.asyncio
async def test_all_positive():
    # The gathered checks are scheduled but nobody waits for them: the test passes
    # before they run, and the ValueError is lost.
    asyncio.gather(check_positive(1), check_positive(-1))  # error: ASL201
