"""Resetting a mock's counter is not an assertion about it."""
from unittest.mock import AsyncMock

import pytest


@pytest.mark.asyncio
async def test_reset_between_phases():
    notify = AsyncMock()
    await notify("a")
    notify.call_count = 0
    notify.call_count += 0
    notify.assert_not_called()
    await notify("b")
    notify.assert_awaited_with("b")
