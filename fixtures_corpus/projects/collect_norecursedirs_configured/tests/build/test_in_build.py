# Collected: 'build' is only in the default list, which the configured value replaces.
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
