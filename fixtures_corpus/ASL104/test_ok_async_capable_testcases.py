import asyncio
import unittest


class TestIsolated(unittest.IsolatedAsyncioTestCase):
    async def test_runs(self):
        await asyncio.sleep(0)
        self.assertTrue(True)


class Base(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.value = 1


class TestInheritsIsolated(Base):
    async def test_runs_too(self):
        self.assertEqual(self.value, 1)


class RunsCoroutines(unittest.TestCase):
    # A home-made harness: runs coroutine test methods itself.
    def _callTestMethod(self, method):
        result = method()
        if asyncio.iscoroutine(result):
            with asyncio.Runner() as runner:
                runner.run(result)


class TestWithHarness(RunsCoroutines):
    async def test_runs_through_the_harness(self):
        await asyncio.sleep(0)
        self.assertTrue(True)


class TestSyncOnly(unittest.TestCase):
    def test_sync(self):
        self.assertTrue(True)

    async def _helper(self):
        return 1
