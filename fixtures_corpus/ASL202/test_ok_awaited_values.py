import asyncio

import pytest


class Response:
    status = 200


async def get():
    await asyncio.sleep(0)
    return Response()


async def rows():
    return [1, 2, 3]


async def ready():
    return True


async def username():
    return "alice"


@pytest.mark.asyncio
async def test_awaited_in_every_position():
    assert await ready()
    assert not (await rows()) == []
    assert (await get()).status == 200
    assert (await rows())[0] == 1
    assert f"hello {await username()}" == "hello alice"
    if await ready():
        total = 0
        for value in await rows():
            total += value
        assert total == 6
    while not await ready():
        pytest.fail("ready() is true")
