import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def resource():
    await asyncio.sleep(0)
    yield "resource"


async def numbers():
    yield 1
    yield 2


@pytest.mark.asyncio
async def test_consumes_a_generator(resource):
    assert [n async for n in numbers()] == [1, 2]
    assert resource == "resource"


@pytest.mark.asyncio
async def test_defines_a_nested_generator():
    async def inner():
        yield 3

    assert [n async for n in inner()] == [3]


def test_sync_generator_helper_in_sync_test():
    def gen():
        yield 1

    assert list(gen()) == [1]
