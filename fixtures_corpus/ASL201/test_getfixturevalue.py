"""``request.getfixturevalue("name")`` returns what the fixture ``name`` makes, as pytest
resolves it for the asking test (a class's own fixture wins): coroutine methods of the Client
it returns, called without ``await``, never run."""
import pytest


class Client:
    async def fetch(self, key):
        return key


class Other:
    async def close(self):
        return None


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def service():
    return Other()


@pytest.mark.asyncio
async def test_getfixturevalue(request):
    found = request.getfixturevalue("client")
    found.fetch("k")  # error: ASL201


@pytest.mark.asyncio
@pytest.mark.parametrize("name", ["client"])
async def test_inline(request, name):
    request.getfixturevalue("client").fetch(name)  # error: ASL201


class TestOverride:
    @pytest.fixture
    def service(self):
        return Client()

    @pytest.mark.asyncio
    async def test_class_fixture_wins(self, request):
        request.getfixturevalue("service").fetch("k")  # error: ASL201
