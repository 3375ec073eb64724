import asyncio

import pytest


async def fetch():
    await asyncio.sleep(0)
    return 1


@pytest.mark.asyncio
class TestDecoratedClass:
    async def test_method(self):
        assert await fetch() == 1


class TestClassPytestmark:
    pytestmark = pytest.mark.asyncio

    async def test_method(self):
        assert await fetch() == 1


class TestClassPytestmarkList:
    pytestmark = [pytest.mark.filterwarnings("default"), pytest.mark.asyncio]

    async def test_method(self):
        assert await fetch() == 1


@pytest.mark.asyncio
class AsyncBase:
    pass


class TestInheritsMarkFromBase(AsyncBase):
    # Class marks are inherited through the bases.
    async def test_method(self):
        assert await fetch() == 1
