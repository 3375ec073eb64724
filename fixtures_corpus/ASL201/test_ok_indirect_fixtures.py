"""Look-alikes of indirect parametrization that stay silent: a direct ``parametrize`` (and
one whose ``indirect`` names another argument) gives the test the value itself, a plain
object whose ``fetch`` is sync, not the fixture's Client."""
import pytest


class Client:
    def __init__(self, base):
        self.base = base

    async def fetch(self, key):
        return self.base + key


class Plain:
    def fetch(self, key):
        return key


@pytest.fixture
def client(request):
    return Client(getattr(request, "param", "http://test/"))


@pytest.fixture
def base(request):
    return request.param


@pytest.mark.asyncio
@pytest.mark.parametrize("client", [Plain()])
async def test_direct(client):
    assert client.fetch("k") == "k"


@pytest.mark.asyncio
@pytest.mark.parametrize(("client", "base"), [(Plain(), "http://b/")], indirect=["base"])
async def test_indirect_names_another(client, base):
    assert client.fetch(base) == base


@pytest.mark.asyncio
@pytest.mark.parametrize("client", ["http://test/"], indirect=False)
async def test_indirect_false(client):
    assert client == "http://test/"
