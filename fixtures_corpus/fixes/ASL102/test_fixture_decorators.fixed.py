import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def connection():
    await asyncio.sleep(0)
    return "connection"


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=["a", "b"])
async def dataset(request):
    yield request.param


@pytest.mark.asyncio
async def test_uses(connection, dataset):
    assert connection == "connection"
    assert dataset in ("a", "b")


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def explicit_loop_scope():
    return 1
