import pytest


async def fetch():
    return {"status": 200, "items": [1]}


async def ready():
    return True


@pytest.mark.asyncio
async def test_values():
    assert await ready()
    if not await ready():
        raise AssertionError
    assert (await fetch())["status"] == 200
    assert (await fetch()).get("items") == [1]
    assert f"{await fetch()}"
    result = await ready() == True
    assert result
