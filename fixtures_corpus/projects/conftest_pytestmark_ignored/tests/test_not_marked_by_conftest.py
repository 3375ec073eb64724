import asyncio


async def test_conftest_mark_does_not_reach_me():  # error: ASL101
    await asyncio.sleep(0)
