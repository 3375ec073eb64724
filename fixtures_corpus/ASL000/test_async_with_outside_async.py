import asyncio


def test_lock():
    lock = asyncio.Lock()
    async with lock:  # error: ASL000
        pass
