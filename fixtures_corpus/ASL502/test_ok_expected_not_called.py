"""``assert_called*`` expected to fail: the test asserts the AsyncMock was never called,
which is stricter than never awaited."""

from unittest.mock import AsyncMock

import pytest


@pytest.mark.asyncio
async def test_update_not_called():
    update = AsyncMock()
    with pytest.raises(AssertionError):
        update.assert_called()
    with pytest.raises(AssertionError, match="once"):
        update.assert_called_once_with("x")
