import pytest


async def make_handler():
    return lambda: 3


@pytest.mark.asyncio
async def test_handler():
    assert make_handler()() == 3
