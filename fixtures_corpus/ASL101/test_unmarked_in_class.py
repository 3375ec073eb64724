import asyncio

import pytest


async def fetch():
    await asyncio.sleep(0)
    return 1


class TestUnmarked:
    async def test_method(self):  # error: ASL101
        assert await fetch() == 1

    def test_sync_method(self):
        assert True


class TestMarkedClass:
    pytestmark = pytest.mark.asyncio

    async def test_covered_by_class_mark(self):
        assert await fetch() == 1


class TestOtherClass:
    # The previous class's pytestmark does not leak into this one.
    async def test_not_covered(self):  # error: ASL101
        assert await fetch() == 1

    @pytest.mark.asyncio
    async def test_covered_by_own_mark(self):
        assert await fetch() == 1
