import pytest

from app.services import cache


@pytest.mark.asyncio
async def test_shared_cache_read_without_await():
    cache.get(cache.key_for("abc"))  # error: ASL201
    assert await cache.get("abc") is None
