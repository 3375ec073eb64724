"""Async set-up and tear-down hooks that unittest or pytest call without awaiting."""
import asyncio
import unittest

import pytest


class TestPlain(unittest.TestCase):
    async def setUp(self):  # error: ASL110
        self.ready = True

    async def tearDown(self):  # error: ASL110
        await asyncio.sleep(0)

    def test_ready(self):
        self.assertFalse(getattr(self, "ready", False))


class TestIsolated(unittest.IsolatedAsyncioTestCase):
    async def setUp(self):  # error: ASL110
        self.items = []

    @classmethod
    async def setUpClass(cls):  # error: ASL110
        cls.shared = 1

    async def test_items(self):
        self.assertFalse(hasattr(self, "items"))


class TestHasTwin(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.a = 1

    async def setUp(self):  # error: ASL110
        self.b = 2

    async def test_a(self):
        self.assertEqual(self.a, 1)


class TestXunit:
    async def setup_method(self, method):  # error: ASL110
        self.value = 1

    async def teardown_class(cls):  # error: ASL110
        pass

    def test_value(self):
        assert not hasattr(self, "value")


async def setup_module(module):  # error: ASL110
    pass


async def teardown_function(function):  # error: ASL110
    pass


@pytest.mark.asyncio
async def test_marked():
    pass
