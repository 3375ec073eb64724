import unittest


class TestStore(unittest.IsolatedAsyncioTestCase):
    async def setUp(self):
        self.items = []

    async def tearDown(self):
        self.items.clear()

    async def test_empty(self):
        self.assertEqual(self.items, [])

