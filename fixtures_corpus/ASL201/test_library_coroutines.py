import asyncio

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_asyncio_sleep_not_awaited():
    asyncio.sleep(0.01)  # error: ASL201


@pytest.mark.asyncio
async def test_wait_for_not_awaited():
    asyncio.wait_for(fetch(), timeout=1)  # error: ASL201


@pytest.mark.asyncio
async def test_to_thread_not_awaited():
    asyncio.to_thread(print, "never printed")  # error: ASL201


@pytest.mark.asyncio
async def test_open_connection_not_awaited():
    asyncio.open_connection("127.0.0.1", 9)  # error: ASL201
