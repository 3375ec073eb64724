"""This file's tests run on anyio's plugin: the rewritten test gets the anyio mark."""
import asyncio

import pytest


async def fetch(value=1):
    return value


@pytest.mark.anyio
async def test_already_async():
    assert await fetch() == 1


def test_hand_driven():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # installed and never restored
    try:
        assert loop.run_until_complete(fetch(2)) == 2
    finally:
        loop.close()
