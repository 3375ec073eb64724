"""Called-checks on `__aenter__`/`__aexit__` of an autospec'd async context manager: only
`async with` calls them, and it awaits every call, so the count is the await count."""

from unittest.mock import create_autospec

import pytest


class Lock:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None


async def guarded(lock):
    async with lock:
        return "value"


@pytest.mark.asyncio
async def test_lock_entered_once():
    lock = create_autospec(Lock, instance=True)
    assert await guarded(lock) == "value"
    assert lock.__aenter__.call_count == 1
    assert lock.__aexit__.call_count == 1
    lock.__aenter__.assert_called_once()
