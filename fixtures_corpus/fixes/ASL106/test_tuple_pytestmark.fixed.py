import pytest

pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings("default")]


async def test_marked():
    assert True
