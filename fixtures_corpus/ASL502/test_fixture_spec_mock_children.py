"""A fixture hands out `AsyncMock(spec=Upstream)`: its children follow the spec, so the async
`query` is an AsyncMock (a called-check on it says nothing about awaiting) while the sync
`address` is a plain MagicMock (a called-check on it is the right check)."""

from unittest.mock import AsyncMock

import pytest


class Upstream:
    async def query(self, name: str) -> list[str]:
        return []

    def address(self) -> str:
        return "127.0.0.1:53"


@pytest.fixture
def upstream():
    return AsyncMock(spec=Upstream)


@pytest.mark.asyncio
async def test_query_called(upstream):
    upstream.query("example.test")  # error: ASL201
    upstream.query.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_address_is_sync(upstream):
    upstream.address.return_value = "1.1.1.1:53"
    assert upstream.address() == "1.1.1.1:53"
    upstream.address.assert_called_once()
