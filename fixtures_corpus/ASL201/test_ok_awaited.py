import asyncio

import pytest

store = {}


async def save(key, value):
    store[key] = value


async def fetch(key):
    await asyncio.sleep(0)
    return store.get(key)


def make_fetch(key):
    # Returning the coroutine hands it to the caller, who awaits it.
    return fetch(key)


@pytest.mark.asyncio
async def test_awaited():
    await save("a", 1)
    assert await fetch("a") == 1


@pytest.mark.asyncio
async def test_awaited_through_helpers():
    await asyncio.gather(save("b", 2), save("c", 3))
    assert await asyncio.wait_for(fetch("b"), timeout=1) == 2
    assert await make_fetch("c") == 3


@pytest.mark.asyncio
async def test_bound_then_awaited():
    pending = fetch("a")
    result = await pending
    assert result == 1


@pytest.mark.asyncio
async def test_task_awaited():
    task = asyncio.create_task(save("d", 4))
    await task
    assert store["d"] == 4


@pytest.mark.asyncio
async def test_raises_awaited():
    async def boom():
        raise ValueError("boom")

    with pytest.raises(ValueError):
        await boom()
