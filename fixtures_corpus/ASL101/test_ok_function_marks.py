import asyncio

import pytest


async def fetch(n=1):
    await asyncio.sleep(0)
    return n


@pytest.mark.asyncio
async def test_plain_mark():
    assert await fetch() == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_mark_with_loop_scope():
    assert await fetch() == 1


@pytest.mark.parametrize("n", [1, 2])
@pytest.mark.asyncio
async def test_mark_below_parametrize(n):
    assert await fetch(n) == n


@pytest.mark.asyncio
@pytest.mark.parametrize("n", [3])
async def test_mark_above_parametrize(n):
    assert await fetch(n) == n


def test_sync_test_needs_no_mark():
    assert True


async def helper_not_a_test():
    # Not collected: its name does not start with "test".
    return await fetch()


async def _test_private_helper():
    return await fetch()
