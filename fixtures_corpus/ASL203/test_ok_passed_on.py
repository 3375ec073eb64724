import asyncio

import pytest


async def send(message):
    return message


async def numbers():
    yield 1


@pytest.mark.asyncio
async def test_awaited_later():
    result = send("hi")
    assert await result == "hi"


@pytest.mark.asyncio
async def test_gathered():
    first = send("a")
    second = send("b")
    assert await asyncio.gather(first, second) == ["a", "b"]


@pytest.mark.asyncio
async def test_stored_in_a_list():
    coro = send("a")
    pending = [coro]
    for item in pending:
        await item


@pytest.mark.asyncio
async def test_wrapped_in_task():
    coro = send("a")
    task = asyncio.ensure_future(coro)
    await task


def make_coroutine():
    coro = send("a")
    return coro


@pytest.mark.asyncio
async def test_closed_explicitly():
    coro = send("a")
    coro.close()


@pytest.mark.asyncio
async def test_async_generator_is_not_a_coroutine():
    gen = numbers()
    assert gen is not None


@pytest.mark.asyncio
async def test_rebound_name_is_not_judged():
    value = send("a")
    value = await value
    assert value == "a"


@pytest.mark.asyncio
async def test_awaited_in_nested_function():
    coro = send("a")

    async def runner():
        return await coro

    assert await runner() == "a"
