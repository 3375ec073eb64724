import asyncio


async def fetch():
    return 1


def test_manual_loop():
    loop = asyncio.new_event_loop()  # error: ASL401
    asyncio.set_event_loop(loop)  # error: ASL401
    try:
        assert loop.run_until_complete(fetch()) == 1  # error: ASL401
    finally:
        asyncio.set_event_loop(None)  # error: ASL401
        loop.close()
