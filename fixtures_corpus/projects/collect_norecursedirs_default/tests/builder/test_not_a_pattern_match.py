# Collected: 'builder' does not match 'build' (fnmatch on the whole name).
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
