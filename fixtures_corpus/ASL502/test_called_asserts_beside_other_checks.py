"""Look-alikes of the honest called-checks that still pass on a coroutine nobody awaited: the
await check is on another mock or in another test, the local count is compared with 1, the
second called-once check follows a reset_mock()."""
from unittest.mock import AsyncMock

import pytest


class Store:
    async def save(self, item):
        return item


class Audit:
    async def record(self, item):
        return item


def handle(store, audit, item):
    store.save(item)
    audit.record(item)


@pytest.mark.asyncio
async def test_await_checked_on_another_mock():
    store = AsyncMock(spec=Store)
    audit = AsyncMock(spec=Audit)
    handle(store, audit, 1)
    audit.record.assert_not_awaited()
    store.save.assert_called_once_with(1)  # error: ASL502


@pytest.mark.asyncio
async def test_local_count_of_one():
    store = AsyncMock(spec=Store)
    audit = AsyncMock(spec=Audit)
    handle(store, audit, 2)
    saves = store.save.call_count  # error: ASL502
    assert saves == 1


@pytest.mark.asyncio
async def test_called_once_again_after_reset():
    store = AsyncMock(spec=Store)
    audit = AsyncMock(spec=Audit)
    handle(store, audit, 3)
    store.save.assert_called_once()  # error: ASL502
    store.save.reset_mock()
    handle(store, audit, 4)
    store.save.assert_called_once()  # error: ASL502
