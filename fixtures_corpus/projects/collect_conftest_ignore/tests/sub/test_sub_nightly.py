# Collected: the nearest conftest's collect_ignore_glob is empty.
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
