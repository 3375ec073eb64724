"""time.sleep calls the fix leaves alone: a parenthesised callee, a sleep whose loop library
is unclear (trio and asyncio both in use, in a helper no test mark speaks for)."""
import asyncio
import time

import pytest
import trio


@pytest.mark.asyncio
async def test_parenthesised_callee():
    (time.sleep)(0)


async def helper():
    time.sleep(0)
    await asyncio.sleep(0)
    await trio.sleep(0)
