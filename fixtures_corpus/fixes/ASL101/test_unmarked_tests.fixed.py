"""Unmarked coroutine tests: the mark goes above every other decorator."""
import asyncio

import pytest


@pytest.mark.asyncio
async def test_plain():
    await asyncio.sleep(0)


@pytest.mark.asyncio
@pytest.mark.parametrize("value", [1, 2])  # keep this comment
@pytest.mark.timeout(5)
async def test_parametrized(value):
    assert value


class TestGroup:
    # a comment above the method
    @pytest.mark.asyncio
    async def test_method(self):
        await asyncio.sleep(0)

    def test_sync(self):
        assert True
