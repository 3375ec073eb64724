# Only the syntax error is reported: a file that does not parse gets no other finding,
# even though the code above the error would otherwise be flagged.
import asyncio
import time


async def fetch():
    return 1


def test_sync_calls_coroutine():
    fetch()


async def test_unmarked():
    time.sleep(0.1)
    asyncio.run(fetch())


def test_broken()  # error: ASL000
    assert True
