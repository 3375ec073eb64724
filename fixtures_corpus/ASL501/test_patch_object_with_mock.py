from unittest.mock import MagicMock, Mock, patch

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")


async def load_status(client):
    response = await client.get("/status")
    return response["status"]


@pytest.mark.asyncio
async def test_positional_new():
    with patch.object(Client, "get", Mock(return_value={"status": "ok"})):  # error: ASL501
        assert await load_status(Client()) == "ok"


@pytest.mark.asyncio
async def test_keyword_new():
    with patch.object(Client, "get", new=MagicMock(return_value={"status": "ok"})):  # error: ASL501
        assert await load_status(Client()) == "ok"


@pytest.mark.asyncio
async def test_keyword_new_spanning_lines():
    with patch.object(
        Client,
        "get",
        new=Mock(  # error: ASL501
            return_value={"status": "ok"},
        ),
    ):
        assert await load_status(Client()) == "ok"


@pytest.mark.asyncio
@patch.object(Client, "get", Mock(return_value={"status": "ok"}))  # error: ASL501
async def test_decorator_form():
    assert await load_status(Client()) == "ok"
