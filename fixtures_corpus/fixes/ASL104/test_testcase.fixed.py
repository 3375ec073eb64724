import asyncio
import unittest


class TestClient(unittest.IsolatedAsyncioTestCase):
    async def test_connects(self):
        await asyncio.sleep(0)
        self.assertTrue(True)
