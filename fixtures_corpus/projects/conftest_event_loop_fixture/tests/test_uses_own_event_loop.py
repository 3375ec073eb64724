import asyncio

import pytest


def test_sync_gets_the_conftest_loop(event_loop):  # error: ASL403
    assert not event_loop.is_closed()


@pytest.mark.asyncio
async def test_async_runs_in_another_loop(event_loop):  # error: ASL403
    assert event_loop is not asyncio.get_running_loop()
