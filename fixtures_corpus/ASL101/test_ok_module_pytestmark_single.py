import asyncio

import pytest

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_first():
    await asyncio.sleep(0)


async def test_second():
    await asyncio.sleep(0)
