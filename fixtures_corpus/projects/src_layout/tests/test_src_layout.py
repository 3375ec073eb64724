from unittest.mock import AsyncMock, Mock, patch

import pytest

from app import client as client_module
from app.client import Client, ping


def test_discarded_call():
    ping(Client())  # error: ASL201


@pytest.mark.asyncio
async def test_patch_by_string_target():
    with patch("app.client.Client.get", new=Mock(return_value="pong")):  # error: ASL501
        assert await ping(Client()) == "pong"


@pytest.mark.asyncio
async def test_patch_object_on_imported_class():
    with patch.object(Client, "get", Mock(return_value="pong")):  # error: ASL501
        assert await ping(Client()) == "pong"


@pytest.mark.asyncio
async def test_ok_async_mock():
    with patch.object(client_module.Client, "get", AsyncMock(return_value="pong")):
        assert await ping(Client()) == "pong"


def test_ok_sync_method_mock():
    with patch("app.client.Client.url", new=Mock(return_value="x")):
        assert Client().url("/") == "x"
