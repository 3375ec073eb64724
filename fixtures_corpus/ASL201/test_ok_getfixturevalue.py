"""Look-alikes of ``getfixturevalue`` that stay silent: the fixture returns a sync object,
the name is not a literal (unknown), or the coroutine is awaited."""
import pytest


class Client:
    async def fetch(self, key):
        return key


class SyncClient:
    def fetch(self, key):
        return key


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def sync_client():
    return SyncClient()


@pytest.mark.asyncio
async def test_sync_fixture(request):
    assert request.getfixturevalue("sync_client").fetch("k") == "k"


@pytest.mark.asyncio
@pytest.mark.parametrize("name", ["sync_client"])
async def test_name_from_parameter(request, name):
    assert request.getfixturevalue(name).fetch("k") == "k"


@pytest.mark.asyncio
async def test_awaited(request):
    assert await request.getfixturevalue("client").fetch("k") == "k"
