import asyncio

import pytest


class TestTupleMarks:
    pytestmark = (pytest.mark.asyncio,)  # error: ASL106

    async def test_never_collected(self):
        await asyncio.sleep(0)


class TestBareTuple:
    pytestmark = pytest.mark.asyncio, pytest.mark.filterwarnings("default")  # error: ASL106

    async def test_never_collected(self):
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_module_level_neighbour():
    await asyncio.sleep(0)
