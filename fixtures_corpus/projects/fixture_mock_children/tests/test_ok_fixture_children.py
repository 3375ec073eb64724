"""Children the fixture set to sync mocks (or to something asynclint cannot read) are what
the test gets: called-checks on them claim nothing about awaiting."""
from unittest.mock import AsyncMock, MagicMock

import pytest

from app.lookup import lookup


@pytest.fixture
def local_info():
    mock_info = AsyncMock()
    mock_info.async_request.return_value = True
    mock_info.parsed_addresses = MagicMock(return_value=[])
    mock_info.announce = MagicMock()
    yield mock_info


@pytest.mark.asyncio
async def test_sync_child_from_conftest(info):
    assert await lookup(info, "plug") == "10.0.0.1"
    info.parsed_addresses.assert_called_once_with(4)
    info.announce.assert_called_once_with("plug")


@pytest.mark.asyncio
async def test_sync_child_from_this_file(local_info):
    assert await lookup(local_info, "plug") is None
    local_info.parsed_addresses.assert_called_once_with(4)
