import asyncio
import functools


def async_test(fn):
    # A plain-def harness that runs the coroutine itself: the project's way of running
    # async tests. Its loop is deliberate, so neither ASL101 nor ASL401 applies.
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

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
