# asynclint-test: asyncio_mode=auto
import asyncio


async def test_auto_mode_runs_unmarked_tests():
    await asyncio.sleep(0)


class TestInClass:
    async def test_method(self):
        await asyncio.sleep(0)
