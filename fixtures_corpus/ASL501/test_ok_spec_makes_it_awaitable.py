from unittest.mock import MagicMock, Mock, create_autospec, patch

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")


@pytest.mark.asyncio
async def test_mock_with_spec_of_coroutine_function():
    # A Mock specced on an async function returns a coroutine when called.
    with patch.object(Client, "get", Mock(spec=Client.get, return_value=200)):
        assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_magic_mock_with_spec_set():
    with patch.object(Client, "get", new=MagicMock(spec_set=Client.get, return_value=200)):
        assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_create_autospec():
    with patch.object(Client, "get", create_autospec(Client.get, return_value=200)):
        assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_whole_object_specced():
    client = MagicMock(spec_set=Client)
    client.get.return_value = 200
    assert await client.get("/") == 200
