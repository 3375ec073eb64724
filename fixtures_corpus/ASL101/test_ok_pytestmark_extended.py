"""Marks added to ``pytestmark`` after it is assigned still reach every test (fakeredis)."""
import asyncio

import pytest

pytestmark = []
pytestmark.extend([pytest.mark.asyncio])


async def test_module_function():
    await asyncio.sleep(0)


class TestInClass:
    pytestmark = [pytest.mark.slow]
    pytestmark += [pytest.mark.asyncio]

    async def test_method(self):
        await asyncio.sleep(0)
