"""A test case that makes its loop in one of several branches (per platform) and closes it
with a cleanup callback: whichever branch runs, the loop is closed. A second loop made in
the same line of code, before the first is closed, still leaks the first."""

import asyncio
import sys
import unittest

import pytest

FAST = sys.version_info >= (3, 12)


async def fetch():
    return 1


class ResolverTest(unittest.TestCase):
    def setUp(self):
        if sys.platform == "win32":
            self.loop = asyncio.SelectorEventLoop()
        elif FAST:
            self.loop = asyncio.new_event_loop()
        else:
            self.loop = asyncio.new_event_loop()
        self.addCleanup(self.loop.close)

    def test_resolve(self):
        assert self.loop.run_until_complete(fetch()) == 1


@pytest.fixture
def replaced_loop():
    loop = asyncio.new_event_loop()  # error: ASL401
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


def test_uses_the_second_loop(replaced_loop):
    assert replaced_loop.run_until_complete(fetch()) == 1
