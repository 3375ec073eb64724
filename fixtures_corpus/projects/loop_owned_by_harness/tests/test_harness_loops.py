"""Loops a fixture or a test-case harness owns are not managed by hand, nor are helpers only
constructed inside running coroutines, nor tests whose subject is the loop API."""
import asyncio

import pytest

from tests.harness import LoopTestCase


async def compute():
    await asyncio.sleep(0)
    return 42


class Recorder:
    """Only ever constructed inside a running coroutine: the current loop is the running one."""

    def __init__(self):
        self.loop = asyncio.get_event_loop()
        self.events = []


def test_fixture_loop(loop):
    assert loop.run_until_complete(compute()) == 42


class TestWithHarness(LoopTestCase):
    def test_runs_in_the_harness_loop(self):
        assert self.loop.run_until_complete(compute()) == 42

    def test_through_the_harness_helper(self):
        assert self.run_async(compute()) == 42


def test_call_soon_ordering():
    loop = asyncio.new_event_loop()
    order = []
    loop.call_soon(order.append, 1)
    loop.call_soon(order.append, 2)
    loop.call_soon(loop.stop)
    try:
        loop.run_forever()
    finally:
        loop.close()
    assert order == [1, 2]


@pytest.mark.asyncio
async def test_recorder_inside_a_coroutine():
    recorder = Recorder()
    assert recorder.loop is asyncio.get_running_loop()
