# Collected: not in any list.
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
