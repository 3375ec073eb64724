import asyncio


async def fetch():
    return 1


def test_manual_loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        assert loop.run_until_complete(fetch()) == 1  # error: ASL401
    finally:
        asyncio.set_event_loop(None)
        loop.close()
