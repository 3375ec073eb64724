from unittest.mock import Mock

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")


@pytest.fixture
def fake_get():
    original = Client.get
    Client.get = Mock(return_value=200)  # error: ASL501
    yield
    Client.get = original


@pytest.mark.asyncio
async def test_assigned_mock(fake_get):
    assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_configured_with_a_plain_value():
    client = Client()
    client.get = Mock()  # error: ASL501
    client.get.return_value = 200
    with pytest.raises(TypeError):
        await client.get("/")
