from unittest.mock import AsyncMock, MagicMock, Mock, patch

import pytest

from app import service


@pytest.mark.asyncio
async def test_patch_with_mock():
    with patch("app.service.fetch", new=Mock(return_value="hi")):  # error: ASL501
        assert await service.get_report() == "report: hi"


@pytest.mark.asyncio
async def test_patch_with_positional_magic_mock():
    with patch("app.service.fetch", MagicMock(return_value="hi")):  # error: ASL501
        assert await service.get_report() == "report: hi"


@pytest.mark.asyncio
async def test_mocker_patch(mocker):
    mocker.patch("app.service.fetch", new=MagicMock(return_value="hi"))  # error: ASL501
    assert await service.get_report() == "report: hi"


@pytest.mark.asyncio
async def test_patch_new_callable(mocker):
    mocker.patch("app.service.fetch", new_callable=Mock, return_value="hi")  # error: ASL501
    assert await service.get_report() == "report: hi"


@pytest.mark.asyncio
async def test_ok_patch_without_new():
    with patch("app.service.fetch", return_value="hi") as fake:
        assert await service.get_report() == "report: hi"
        fake.assert_awaited_once_with("greeting")


@pytest.mark.asyncio
async def test_ok_async_mock(mocker):
    mocker.patch("app.service.fetch", new=AsyncMock(return_value="hi"))
    assert await service.get_report() == "report: hi"


def test_ok_mock_for_sync_function():
    with patch("app.service.fetch_sync", new=Mock(return_value="hi")):
        assert service.fetch_sync("greeting") == "hi"
