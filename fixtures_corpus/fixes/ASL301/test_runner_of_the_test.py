"""The sleep that replaces time.sleep is the one of the library running the test."""
import asyncio
import time

import pytest


@pytest.mark.trio
async def test_trio_wait():
    time.sleep(0.01)


@pytest.mark.anyio
async def test_anyio_wait():
    time.sleep(0.01)


@pytest.mark.asyncio
async def test_asyncio_wait():
    time.sleep(0.01)
    await asyncio.sleep(0)
