import asyncio

import pytest


async def fetch(value=1):
    return value


@pytest.mark.asyncio
async def test_new_loop():
    assert await fetch() == 1


@pytest.mark.asyncio
async def test_asyncio_run():
    result = await (
        fetch(2)
    )
    assert result == 2


def test_owned_loop():
    """A private loop closed on every path: not managed by hand, left as it is."""
    loop = asyncio.new_event_loop()
    try:
        assert loop.run_until_complete(fetch(3)) == 3
    finally:
        loop.close()


class TestInClass:
    @pytest.mark.asyncio
    async def test_method(self):
        value = await fetch(4)  # run it
        assert value == 4


CASES = [pytest.param(5, id="five"), pytest.param(6, id="six")]


@pytest.mark.asyncio
@pytest.mark.parametrize("value", CASES)
async def test_parametrized_from_a_list(value):
    assert await fetch(value) == value
