import unittest


class TestStore(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.items = []

    async def asyncTearDown(self):
        self.items.clear()

    async def test_empty(self):
        self.assertEqual(self.items, [])

