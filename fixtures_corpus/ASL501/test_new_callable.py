from unittest.mock import MagicMock, Mock, NonCallableMock, patch

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")


@pytest.mark.asyncio
async def test_new_callable_mock_class():
    with patch.object(Client, "get", new_callable=Mock) as get:  # error: ASL501
        get.return_value = {"status": "ok"}
        assert (await Client().get("/status"))["status"] == "ok"


@pytest.mark.asyncio
async def test_new_callable_magic_mock_class():
    with patch.object(
        Client,
        "get",
        new_callable=MagicMock,  # error: ASL501
        return_value={"status": "ok"},
    ):
        assert (await Client().get("/status"))["status"] == "ok"


@pytest.mark.asyncio
async def test_non_callable_mock():
    with patch.object(Client, "get", NonCallableMock()):  # error: ASL501
        await Client().get("/status")
