import pytest


async def drain() -> int:
    return 0


@pytest.mark.asyncio
async def test_drained():
    assert await drain() == 0
