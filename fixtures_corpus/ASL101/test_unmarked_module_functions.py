import asyncio

import pytest


async def fetch():
    await asyncio.sleep(0)
    return 1


async def test_fetch_returns_one():  # error: ASL101
    assert await fetch() == 1


async def test_fetch_twice(  # error: ASL101
    tmp_path,
):
    assert await fetch() + await fetch() == 2


@pytest.mark.asyncio
async def test_marked_neighbour():
    # The mark covers this function only, not its neighbours.
    assert await fetch() == 1


async def test_after_marked_neighbour():  # error: ASL101
    assert await fetch() == 1
