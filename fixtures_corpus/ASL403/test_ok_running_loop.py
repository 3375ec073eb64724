import asyncio

import pytest


def make_client(event_loop=None):
    # A helper's parameter is not a fixture request.
    return event_loop


@pytest.mark.asyncio
async def test_running_loop():
    event_loop = asyncio.get_running_loop()
    assert make_client(event_loop) is event_loop


@pytest.mark.parametrize("event_loop", ["given"])
def test_parametrized_name(event_loop):
    assert event_loop == "given"


@pytest.fixture
def loop_name():
    return "event_loop"


def test_loop_name(loop_name):
    assert loop_name == "event_loop"
