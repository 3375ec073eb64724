"""Async set-up and tear-down hooks written in a plain mixin: every test case that uses it
is a unittest one and inherits the hook as it is, so unittest calls it without awaiting,
also in an ``IsolatedAsyncioTestCase`` (which awaits only asyncSetUp/asyncTearDown)."""
import asyncio
import unittest


class Store:
    def __init__(self):
        self.open = False

    async def connect(self):
        await asyncio.sleep(0)
        self.open = True


class StoreMixin:
    async def setUp(self):  # error: ASL110
        self.store = Store()
        await self.store.connect()

    async def tearDown(self):  # error: ASL110
        await asyncio.sleep(0)


class TestStoreAsync(StoreMixin, unittest.IsolatedAsyncioTestCase):
    async def test_open(self):
        self.assertFalse(hasattr(self, "store"))


class TestStoreSync(StoreMixin, unittest.TestCase):
    def test_open(self):
        self.assertFalse(hasattr(self, "store"))


class ClassHooksMixin:
    @classmethod
    async def setUpClass(cls):  # error: ASL110
        cls.ready = True


class TestClassHooks(ClassHooksMixin, unittest.TestCase):
    def test_ready(self):
        self.assertFalse(hasattr(self, "ready"))
