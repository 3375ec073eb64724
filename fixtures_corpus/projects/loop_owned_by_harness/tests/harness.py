"""A unittest harness: the base class owns ``cls.loop`` and closes it in tearDownClass."""
import asyncio
import unittest


class LoopTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.loop = asyncio.new_event_loop()

    @classmethod
    def tearDownClass(cls):
        cls.loop.close()

    def run_async(self, coro):
        return self.loop.run_until_complete(coro)
