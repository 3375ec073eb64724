import asyncio

import pytest
import pytest_asyncio

fixture = pytest.fixture
aio_fixture = pytest_asyncio.fixture


@fixture  # error: ASL102
async def plain_alias():
    await asyncio.sleep(0)
    return 1


@aio_fixture
async def asyncio_alias():
    await asyncio.sleep(0)
    return 2


@pytest.mark.asyncio
async def test_both(plain_alias, asyncio_alias):
    assert asyncio_alias == 2
