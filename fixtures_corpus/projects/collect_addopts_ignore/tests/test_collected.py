# Collected: not named by --ignore or --ignore-glob.
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
