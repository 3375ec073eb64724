"""Outside tests/api the top conftest's sync fixtures apply: silent."""
import pytest


@pytest.mark.asyncio
async def test_top_fixture(client, session):
    assert client.fetch("k") == "k"
    assert session.fetch("k") == "k"
