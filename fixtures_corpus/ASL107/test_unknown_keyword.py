import pytest


@pytest.mark.asyncio(mode="strict")  # error: ASL107
async def test_mode_is_not_a_mark_argument():
    pass
