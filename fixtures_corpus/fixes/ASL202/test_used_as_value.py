import pytest


async def fetch():
    return {"status": 200, "items": [1]}


async def ready():
    return True


@pytest.mark.asyncio
async def test_values():
    assert ready()
    if not ready():
        raise AssertionError
    assert fetch()["status"] == 200
    assert fetch().get("items") == [1]
    assert f"{fetch()}"
    result = ready() == True
    assert result
