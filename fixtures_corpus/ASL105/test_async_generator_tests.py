import asyncio

import pytest


@pytest.mark.asyncio
async def test_yields_a_value():  # error: ASL105
    await asyncio.sleep(0)
    yield 1
    assert False, "never runs"


@pytest.mark.asyncio
class TestStreaming:
    async def test_yield_in_loop(self):  # error: ASL105
        for item in range(3):
            yield item

    async def test_regular(self):
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_bare_yield():  # error: ASL105
    yield
