"""Loops this code does not manage by hand: a fixture that only looks at the running loop
(and steps aside when none runs), and a test case whose own `set_event_loop` helper takes
the loop over and registers its close as a cleanup."""

import asyncio
import unittest

import pytest


@pytest.fixture(autouse=True)
def no_lingering_tasks():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        yield  # a sync test: no loop to inspect
        return
    before = asyncio.all_tasks(loop)
    yield
    pending = asyncio.all_tasks(loop) - before
    if pending:
        loop.run_until_complete(asyncio.wait(pending))


async def fetch():
    return 1


class LoopCase(unittest.TestCase):
    def close_loop(self, loop):
        loop.close()

    def set_event_loop(self, loop):
        asyncio.set_event_loop(None)
        self.addCleanup(self.close_loop, loop)

    def setUp(self):
        self.loop = asyncio.new_event_loop()
        self.set_event_loop(self.loop)

    def test_fetch(self):
        assert self.loop.run_until_complete(fetch()) == 1


def test_sync():
    assert True
