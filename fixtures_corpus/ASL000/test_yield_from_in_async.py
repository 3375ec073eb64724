import pytest


@pytest.mark.asyncio
async def test_delegates():
    yield from range(3)  # error: ASL000
