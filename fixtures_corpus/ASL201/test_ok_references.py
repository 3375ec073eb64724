import asyncio
import inspect

import pytest


async def fetch():
    return 1


HANDLERS = [fetch]


def test_function_object_is_not_called():
    assert inspect.iscoroutinefunction(fetch)
    assert HANDLERS[0] is fetch


def test_coroutine_inspected_then_closed():
    coro = fetch()
    assert inspect.iscoroutine(coro)
    coro.close()


@pytest.mark.asyncio
async def test_passed_to_wait_for():
    assert await asyncio.wait_for(fetch(), timeout=1) == 1
