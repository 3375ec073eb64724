from unittest.mock import AsyncMock

import pytest
import pytest_asyncio

from app.http import Client, SyncClient


@pytest_asyncio.fixture
async def client():
    async with Client() as c:
        yield c


@pytest.fixture
def sync_client():
    return SyncClient()


@pytest.fixture
def fake_fetch():
    return AsyncMock(return_value=1)


@pytest.fixture
def made(request):
    return Client.create()


@pytest.fixture
def lazy_client():
    from app.http import Client as LazyClient  # imported where it is used

    return LazyClient()


@pytest_asyncio.fixture
async def opened():
    client = await Client.open()  # an async factory, awaited: the fixture yields a Client
    yield client
