import asyncio

import pytest

pytestmark = [pytest.mark.asyncio]


async def test_module_function():
    await asyncio.sleep(0)


class TestInClass:
    async def test_method(self):
        await asyncio.sleep(0)
