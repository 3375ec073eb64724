import asyncio

import pytest


async def fetch(value=1):
    return value


def test_new_loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        assert loop.run_until_complete(fetch()) == 1
    finally:
        loop.close()  # the global loop is never restored


def test_asyncio_run():
    result = asyncio.run(
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
    def test_method(self):
        loop = asyncio.new_event_loop()
        value = loop.run_until_complete(fetch(4))  # run it
        loop.close()
        assert value == 4


CASES = [pytest.param(5, id="five"), pytest.param(6, id="six")]


@pytest.mark.parametrize("value", CASES)
def test_parametrized_from_a_list(value):
    assert asyncio.run(fetch(value)) == value
