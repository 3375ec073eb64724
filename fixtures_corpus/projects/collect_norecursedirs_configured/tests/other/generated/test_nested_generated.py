# Collected: 'tests/generated' matches the whole path, not any folder named generated.
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
