import asyncio

import pytest
import pytest_asyncio


async def fetch():
    return 1


async def fetch_via_new_loop():
    return asyncio.run(fetch())  # error: ASL402


@pytest_asyncio.fixture
async def value():
    return asyncio.run(fetch())  # error: ASL402


def make_checker():
    async def check():
        return asyncio.run(fetch())  # error: ASL402

    return check


@pytest.mark.asyncio
async def test_helper():
    assert await fetch_via_new_loop() == 1


@pytest.mark.asyncio
async def test_fixture(value):
    assert value == 1


@pytest.mark.asyncio
async def test_nested_coroutine():
    assert await make_checker()() == 1
