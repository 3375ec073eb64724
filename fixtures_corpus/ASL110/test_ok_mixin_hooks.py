"""Mixin hooks that run: async twins an IsolatedAsyncioTestCase awaits, a user that
overrides the hook, a mixin used by a class that is not a unittest test case, and a
mixin nobody in the file uses."""
import asyncio
import unittest


class Store:
    def __init__(self):
        self.open = False

    async def connect(self):
        await asyncio.sleep(0)
        self.open = True


class AwaitedMixin:
    async def asyncSetUp(self):
        self.store = Store()
        await self.store.connect()

    async def asyncTearDown(self):
        await asyncio.sleep(0)


class TestAwaited(AwaitedMixin, unittest.IsolatedAsyncioTestCase):
    async def test_open(self):
        self.assertTrue(self.store.open)


class OverriddenMixin:
    async def setUp(self):
        self.store = Store()
        await self.store.connect()


class TestOverridden(OverriddenMixin, unittest.TestCase):
    def setUp(self):
        self.store = Store()

    def test_closed(self):
        self.assertFalse(self.store.open)


class Runner:
    """Not a test case: it awaits the hook itself."""

    def run(self):
        asyncio.run(self.setUp())


class SelfAwaitingMixin:
    async def setUp(self):
        self.ready = True


class ScriptedRun(SelfAwaitingMixin, Runner):
    pass


class UnusedMixin:
    async def setUp(self):
        await asyncio.sleep(0)


def test_scripted_run():
    run = ScriptedRun()
    run.run()
    assert run.ready
