import asyncio

import pytest
import pytest_asyncio
from pytest_asyncio import fixture as async_fixture


@pytest_asyncio.fixture
async def connection():
    await asyncio.sleep(0)
    return "connection"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared():
    yield "shared"


@async_fixture
async def aliased():
    return "aliased"


@pytest.fixture
def sync_fixture():
    return "sync"


@pytest.fixture
def sync_generator_fixture():
    yield "sync"


async def helper():
    # An async helper is not a fixture, whatever it is named.
    return 1


@pytest.mark.asyncio
async def test_all(connection, aliased, sync_fixture, sync_generator_fixture):
    assert (connection, aliased, sync_fixture, sync_generator_fixture) == (
        "connection", "aliased", "sync", "sync"
    )
    assert await helper() == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_shared(shared):
    assert shared == "shared"
