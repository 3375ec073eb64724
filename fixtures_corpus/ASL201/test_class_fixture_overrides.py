"""Fixtures of a test class, inherited from its base, and overridden by a class nearer the
test: pytest uses the nearest definition, here one returning a Client whose coroutine methods
are called without ``await``."""
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


class TestInherited(BaseTests):
    @pytest.mark.asyncio
    async def test_fetch(self, client):
        client.fetch("k")  # error: ASL201


class TestOverridden:
    @pytest.fixture
    def client(self):
        return Client()

    @pytest.mark.asyncio
    async def test_fetch(self, client):
        client.fetch("k")  # error: ASL201
