import asyncio


async def fetch(key):
    await asyncio.sleep(0)
    return {"answer": 42}.get(key)
