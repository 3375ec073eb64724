"""The sleep that replaces time.sleep is the one of the library running the test."""
import asyncio
import time

import pytest
import anyio
import trio


@pytest.mark.trio
async def test_trio_wait():
    await trio.sleep(0.01)


@pytest.mark.anyio
async def test_anyio_wait():
    await anyio.sleep(0.01)


@pytest.mark.asyncio
async def test_asyncio_wait():
    await asyncio.sleep(0.01)
    await asyncio.sleep(0)
