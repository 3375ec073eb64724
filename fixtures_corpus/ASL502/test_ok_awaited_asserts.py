from unittest.mock import AsyncMock, MagicMock, Mock, patch

import pytest


class Service:
    async def load(self):
        return 1

    def name(self):
        return "s"


@pytest.mark.asyncio
async def test_awaited_asserts():
    notify = AsyncMock()
    await notify("x")
    notify.assert_awaited_once_with("x")
    assert notify.await_count == 1


def test_sync_mocks():
    callback = Mock()
    callback()
    callback.assert_called_once()
    assert callback.call_count == 1


def test_patch_of_sync_method():
    with patch.object(Service, "name") as name:
        Service().name()
        name.assert_called_once()


def test_patch_with_new_gives_no_mock():
    replacement = MagicMock()
    with patch.object(Service, "name", replacement):
        Service().name()
        replacement.assert_called_once()


def test_not_called_is_fine():
    notify = AsyncMock()
    notify.assert_not_called()
