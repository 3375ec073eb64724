import pytest


@pytest.mark.asyncio(scope="module", loop_scope="module")  # error: ASL107
async def test_both():
    pass
