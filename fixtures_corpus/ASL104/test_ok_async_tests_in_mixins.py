import asyncio
import unittest


class FetchChecks:
    async def test_fetch(self):
        await asyncio.sleep(0)
        self.assertTrue(True)


class TestFetch(FetchChecks, unittest.IsolatedAsyncioTestCase):
    pass


class SharedChecks:
    # A mixin of a mixin: the async TestCase at the end of the chain runs it.
    async def test_shared(self):
        await asyncio.sleep(0)


class MoreChecks(SharedChecks):
    pass


class TestSharedAsync(MoreChecks, unittest.IsolatedAsyncioTestCase):
    pass


class OverriddenChecks:
    async def test_value(self):
        await asyncio.sleep(0)


class TestOverrides(OverriddenChecks, unittest.TestCase):
    def test_value(self):
        self.assertTrue(True)


class UnusedChecks:
    async def test_nobody_uses_me(self):
        await asyncio.sleep(0)
