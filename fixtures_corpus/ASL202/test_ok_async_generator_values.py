import pytest


async def numbers():
    yield 1
    yield 2


def test_async_generator_object_is_a_value():
    # Not a coroutine: an async generator object, nothing is left un-awaited.
    assert numbers() is not None
    assert hasattr(numbers(), "__anext__")


@pytest.mark.asyncio
async def test_async_for():
    assert [n async for n in numbers()] == [1, 2]
