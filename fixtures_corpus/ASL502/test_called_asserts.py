from unittest.mock import AsyncMock, patch

import pytest


async def fetch(key):
    return key


class Service:
    async def load(self):
        return 1


@pytest.mark.asyncio
async def test_async_mock_instance():
    notify = AsyncMock()
    await notify("x")
    notify.assert_called_once_with("x")  # error: ASL502
    assert notify.call_count == 1  # error: ASL502


@pytest.mark.asyncio
async def test_patch_object_context():
    with patch.object(Service, "load") as load:
        await Service().load()
        load.assert_called()  # error: ASL502


@pytest.mark.asyncio
@patch.object(Service, "load")
async def test_patch_decorator(load):
    await Service().load()
    load.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_mocker(mocker):
    load = mocker.patch.object(Service, "load")
    await Service().load()
    load.assert_called_with()  # error: ASL502


@pytest.mark.asyncio
async def test_started_patcher():
    patcher = patch.object(Service, "load")
    load = patcher.start()
    await Service().load()
    load.assert_called_once()  # error: ASL502
    patcher.stop()
