from unittest.mock import MagicMock, Mock

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")


@pytest.mark.asyncio
async def test_mocker_patch_object(mocker):
    mocker.patch.object(Client, "get", Mock(return_value=200))  # error: ASL501
    assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_mocker_patch_object_keyword(mocker):
    mocker.patch.object(Client, "get", new=MagicMock(return_value=200))  # error: ASL501
    assert await Client().get("/") == 200


@pytest.mark.asyncio
async def test_monkeypatch_setattr(monkeypatch):
    monkeypatch.setattr(Client, "get", Mock(return_value=200))  # error: ASL501
    assert await Client().get("/") == 200
