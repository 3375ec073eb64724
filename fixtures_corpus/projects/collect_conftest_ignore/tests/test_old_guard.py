# Collected: the append is guarded by sys.version_info < (3, 8), true on no supported Python.
import asyncio


async def test_flagged():  # error: ASL101
    await asyncio.sleep(0)
