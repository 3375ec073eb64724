import asyncio
import inspect

import pytest


async def fetch():
    await asyncio.sleep(0)
    return 1


def start_fetch():
    return fetch()


@pytest.mark.asyncio
async def test_assigned_then_awaited():
    pending = fetch()
    assert await pending == 1


@pytest.mark.asyncio
async def test_passed_as_argument():
    assert await asyncio.wait_for(fetch(), timeout=1) == 1
    done = await asyncio.gather(fetch(), fetch())
    assert done == [1, 1]


@pytest.mark.asyncio
async def test_returned_by_helper():
    assert await start_fetch() == 1


def test_identity_checks_on_a_bound_coroutine():
    coro = fetch()
    assert inspect.iscoroutine(coro)
    coro.close()
