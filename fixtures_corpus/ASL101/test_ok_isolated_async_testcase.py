import asyncio
import unittest


class ServiceTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.value = 1

    async def test_runs_on_unittest_loop(self):
        await asyncio.sleep(0)
        self.assertEqual(self.value, 1)


class TestNamedLikePytestClass(unittest.IsolatedAsyncioTestCase):
    async def test_method(self):
        await asyncio.sleep(0)
