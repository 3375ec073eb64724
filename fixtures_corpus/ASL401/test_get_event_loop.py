import asyncio

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_runs_first():
    assert await fetch() == 1


def test_borrows_the_current_loop():
    # Order-dependent: after a pytest-asyncio test there is no current event loop, so
    # this raises RuntimeError. Run alone, it silently creates a loop that nobody closes
    # (DeprecationWarning on Python 3.12-3.13, RuntimeError on 3.14).
    loop = asyncio.get_event_loop()  # error: ASL401
    assert loop.run_until_complete(fetch()) == 1  # error: ASL401
