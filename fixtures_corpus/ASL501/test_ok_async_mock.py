from unittest.mock import AsyncMock, patch

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")


@pytest.mark.asyncio
async def test_async_mock_instance():
    with patch.object(Client, "get", AsyncMock(return_value=200)):
        assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_new_callable_async_mock():
    with patch.object(Client, "get", new_callable=AsyncMock, return_value=200) as get:
        assert await Client().get("/") == 200
        get.assert_awaited_once()


@pytest.mark.asyncio
async def test_patch_without_new_creates_an_async_mock():
    with patch.object(Client, "get", return_value=200) as get:
        assert await Client().get("/") == 200
        get.assert_awaited_once()


@pytest.mark.asyncio
async def test_autospec():
    with patch.object(Client, "get", autospec=True, return_value=200):
        assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_mocker_without_new(mocker):
    mocker.patch.object(Client, "get", return_value=200)
    assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_monkeypatch_with_async_mock(monkeypatch):
    monkeypatch.setattr(Client, "get", AsyncMock(return_value=200))
    assert await Client().get("/") == 200
