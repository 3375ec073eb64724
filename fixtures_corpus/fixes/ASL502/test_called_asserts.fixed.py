from unittest.mock import AsyncMock

import pytest


@pytest.mark.asyncio
async def test_asserts():
    notify = AsyncMock()
    await notify("x")
    notify.assert_awaited_once_with("x")
    assert notify.await_count == 1
    notify.assert_awaited()
