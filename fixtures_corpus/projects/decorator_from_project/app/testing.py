# Project test utilities (not a test file: indexed, not linted).
import asyncio
import functools


def run_async(fn):
    # Harness: the wrapper is a plain function that runs the coroutine.
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


def traced(fn):
    # The wrapper is a coroutine function: the decorated test stays a coroutine test.
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        return await fn(*args, **kwargs)

    return wrapper
