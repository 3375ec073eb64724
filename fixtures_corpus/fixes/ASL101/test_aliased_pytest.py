import asyncio

import pytest as pt


@pt.fixture
def value():
    return 1


async def test_uses_alias(value):
    await asyncio.sleep(0)
    assert value == 1
