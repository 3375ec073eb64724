import pytest


@pytest.mark.asyncio("module")  # error: ASL107
async def test_positional():
    pass
