import asyncio
import asyncio as aio

import pytest

gel = asyncio.get_event_loop
start = aio.run


@pytest.mark.asyncio
async def test_nested_run():
    assert gel()  # error: ASL404
    start(aio.sleep(0))  # error: ASL402


def test_borrows_the_current_loop():
    loop = gel()  # error: ASL401
    assert loop.run_until_complete(asyncio.sleep(0, result=1)) == 1  # error: ASL401
