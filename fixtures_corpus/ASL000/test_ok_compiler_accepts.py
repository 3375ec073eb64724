# What the compiler accepts around async code: nothing to report.
import asyncio

import pytest


async def numbers():
    for number in range(3):
        yield number
    return


@pytest.mark.asyncio
async def test_async_constructs():
    lock = asyncio.Lock()
    async with lock:
        pass
    async for number in numbers():
        assert number >= 0
    assert [n async for n in numbers()] == [0, 1, 2]
    assert [await asyncio.sleep(0, n) for n in range(2)] == [0, 1]

    def helper():
        return [n for n in range(3)]  # a sync comprehension in a def inside an async def

    assert helper()
    await asyncio.sleep(0)


def test_sync_generator_may_return_a_value():
    def generator():
        yield 1
        return 2

    assert list(generator()) == [1]
