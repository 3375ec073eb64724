"""Parametrized fixtures: ``parametrize(..., indirect=True)`` hands each value to the fixture
as ``request.param``, so the test still gets what the fixture returns, here a Client whose
coroutine methods are called without ``await``; so do ``@pytest.fixture(params=...)``."""
import pytest


class Client:
    def __init__(self, base):
        self.base = base

    async def fetch(self, key):
        return self.base + key


@pytest.fixture
def client(request):
    return Client(request.param)


@pytest.fixture(params=["http://a/", "http://b/"])
def each_client(request):
    return Client(request.param)


@pytest.mark.asyncio
@pytest.mark.parametrize("client", ["http://test/"], indirect=True)
async def test_indirect(client):
    client.fetch("k")  # error: ASL201


@pytest.mark.asyncio
@pytest.mark.parametrize(("client", "key"), [("http://test/", "k")], indirect=["client"])
async def test_indirect_by_name(client, key):
    client.fetch(key)  # error: ASL201


@pytest.mark.asyncio
async def test_fixture_params(each_client):
    each_client.fetch("k")  # error: ASL201
