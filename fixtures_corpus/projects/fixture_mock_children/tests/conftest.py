from unittest.mock import AsyncMock, MagicMock

import pytest


def make_addresses():
    return MagicMock(return_value=["10.0.0.1"])


@pytest.fixture
def info():
    mock_info = AsyncMock()
    mock_info.async_request = AsyncMock(return_value=True)
    mock_info.parsed_addresses = MagicMock(return_value=["10.0.0.1"])
    mock_info.announce = make_addresses()
    return mock_info
