"""Hooks that are awaited (asyncSetUp/asyncTearDown), sync hooks, classes that may run their
own coroutines (a metaclass, an unknown base), and methods that merely share a name."""
import unittest

from somewhere import AsyncTestCase


class TestIsolated(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.items = []

    async def asyncTearDown(self):
        self.items.clear()

    def setUp(self):
        self.sync_ready = True

    async def test_items(self):
        self.assertEqual(self.items, [])


class TestThirdPartyHarness(AsyncTestCase):
    async def setUp(self):
        self.ready = True

    async def test_ready(self):
        self.assertTrue(self.ready)


class Meta(type):
    pass


class TestWithMetaclass(unittest.TestCase, metaclass=Meta):
    async def setUp(self):
        pass


class Helper:
    """Not a test class: pytest never calls its hooks."""

    async def setup_method(self):
        pass


class TestXunit:
    def setup_method(self, method):
        self.value = 1

    def test_value(self):
        assert self.value == 1
