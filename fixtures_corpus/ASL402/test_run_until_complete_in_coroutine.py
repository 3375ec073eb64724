import asyncio

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_run_until_complete_on_running_loop():
    loop = asyncio.get_running_loop()
    assert loop.run_until_complete(fetch()) == 1  # error: ASL402


@pytest.mark.asyncio
async def test_chained_call():
    asyncio.get_running_loop().run_until_complete(  # error: ASL402
        fetch()
    )
