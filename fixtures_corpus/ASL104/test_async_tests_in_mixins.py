import asyncio
import unittest


class FetchChecks:
    async def test_fetch(self):  # error: ASL104
        await asyncio.sleep(0)
        self.fail("never reached")

    async def helper(self):
        return 1

    def test_sync(self):
        self.assertTrue(True)


class TestFetchWithThreads(FetchChecks, unittest.TestCase):
    pass


class TestFetchWithProcesses(FetchChecks, unittest.TestCase):
    def setUp(self):
        self.workers = 2
