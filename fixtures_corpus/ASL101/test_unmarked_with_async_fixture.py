import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def connection():
    await asyncio.sleep(0)
    return {"open": True}


# The async fixture is handled by pytest-asyncio, the test itself is not.
async def test_uses_async_fixture(connection):  # error: ASL101
    assert connection["open"]


@pytest.mark.asyncio
async def test_marked_uses_async_fixture(connection):
    assert connection["open"]
