import asyncio
import time

import pytest


@pytest.mark.asyncio
async def test_nested_coroutine_blocks():
    async def poll():
        time.sleep(0.01)  # error: ASL301
        return "done"

    assert await asyncio.wait_for(poll(), timeout=1) == "done"


def build_poller():
    async def poll():
        time.sleep(0.01)  # error: ASL301
        return "done"

    return poll


@pytest.mark.asyncio
async def test_poller_from_sync_factory():
    poll = build_poller()
    assert await poll() == "done"
