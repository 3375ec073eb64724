import asyncio
from unittest.mock import AsyncMock

import pytest


async def fetch():
    await asyncio.sleep(0)
    return 0


class TestClient:
    async def is_connected(self):
        return False

    @pytest.mark.asyncio
    async def test_method_value(self):
        assert self.is_connected()  # error: ASL202


@pytest.mark.asyncio
async def test_missing_await_in_condition():
    if fetch() == 0:  # error: ASL202
        pytest.fail("unreachable: a coroutine never equals 0")


@pytest.mark.asyncio
async def test_library_coroutine_value():
    assert asyncio.sleep(0) is not None  # error: ASL202


@pytest.mark.asyncio
async def test_async_mock_value():
    lookup = AsyncMock(return_value=0)
    assert lookup("key") is not None  # error: ASL202
    assert await lookup("key") == 0


@pytest.mark.asyncio
async def test_comparison_bound_to_a_name():
    matches = fetch() == 0  # error: ASL202
    assert matches is False
