"""Look-alikes that stay silent: a subclass overrides its base's async-client fixture with a
sync one, and a test outside the classes gets the module's sync fixture."""
import pytest


class Client:
    async def fetch(self, key):
        return key


class SyncClient:
    def fetch(self, key):
        return key


@pytest.fixture
def client():
    return SyncClient()


class BaseTests:
    @pytest.fixture
    def client(self):
        return Client()


class TestSyncOverride(BaseTests):
    @pytest.fixture
    def client(self):
        return SyncClient()

    @pytest.mark.asyncio
    async def test_fetch(self, client):
        assert client.fetch("k") == "k"


@pytest.mark.asyncio
async def test_module_fixture(client):
    assert client.fetch("k") == "k"
