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
        asyncio.set_event_loop(None)
        loop.close()


def test_asyncio_run():
    result = asyncio.run(
        fetch(2)
    )
    assert result == 2


def test_event_loop_fixture(event_loop, tmp_path):
    assert event_loop.run_until_complete(fetch(3)).bit_length() == 2
    assert tmp_path


class TestInClass:
    def test_method(self):
        loop = asyncio.new_event_loop()
        value = loop.run_until_complete(fetch(4))  # run it
        loop.close()
        assert value == 4



def test_event_loop_last_of_wrapped_parameters(
    tmp_path, event_loop
):
    assert event_loop.run_until_complete(fetch(2)) == 2
