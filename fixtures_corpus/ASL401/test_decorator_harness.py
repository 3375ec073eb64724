import asyncio
import functools


def async_test(fn):
    # A plain-def harness that runs the coroutine itself: the decorated tests are sync
    # tests for pytest (no ASL101), but the harness drives an event loop by hand.
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))  # error: ASL401

    return wrapper


async def fetch():
    await asyncio.sleep(0)
    return 1


@async_test
async def test_fetch():
    assert await fetch() == 1


@async_test
async def test_fetch_twice():
    assert await fetch() + await fetch() == 2
