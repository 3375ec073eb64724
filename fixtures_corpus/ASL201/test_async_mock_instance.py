from unittest import mock
from unittest.mock import AsyncMock

import pytest


def test_sync_test_calls_async_mock():
    notify = AsyncMock(return_value=None)
    notify("user@example.com")  # error: ASL201


@pytest.mark.asyncio
async def test_async_test_calls_async_mock():
    callback = mock.AsyncMock()
    callback(1)  # error: ASL201
    await callback(2)
    callback.assert_awaited_once_with(2)
