# Collected: an ordinary test folder.
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
