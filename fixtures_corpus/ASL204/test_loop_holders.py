"""The loop a test case holds (self.loop / cls.loop) drops tasks as much as any other."""
import asyncio
import unittest


async def work():
    await asyncio.sleep(0)


class TestHarness(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.loop = asyncio.get_running_loop()

    async def test_dropped(self):
        self.loop.create_task(work())  # error: ASL204

    async def test_kept(self):
        task = self.loop.create_task(work())
        await task


class TestGroup(unittest.IsolatedAsyncioTestCase):
    async def test_task_group_keeps_its_tasks(self):
        async with asyncio.TaskGroup() as self.group:
            self.group.create_task(work())
