import asyncio

from tests.bases import AsyncBase, CaseBase, DecoratedBase, HarnessCase, PlainBase


class TestMarkFromBaseModule(AsyncBase):
    async def test_runs(self):
        await asyncio.sleep(0)


class TestDecoratorFromBaseModule(DecoratedBase):
    async def test_runs(self):
        await asyncio.sleep(0)


class TestNoMarkAnywhere(PlainBase):
    async def test_unmarked(self):  # error: ASL101
        await asyncio.sleep(0)


class TestCaseFromBaseModule(CaseBase):
    async def test_never_awaited(self):  # error: ASL104
        self.assertFalse(self.ready)


class TestHarness(HarnessCase):
    async def test_left_to_the_harness(self):
        await asyncio.sleep(0)
