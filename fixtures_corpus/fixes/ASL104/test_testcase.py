import asyncio
import unittest


class TestClient(unittest.TestCase):
    async def test_connects(self):
        await asyncio.sleep(0)
        self.assertTrue(True)
