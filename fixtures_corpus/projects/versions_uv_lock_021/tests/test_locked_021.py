import asyncio

import pytest


@pytest.fixture
def event_loop():
    # Overriding event_loop is how 0.21 changes the loop: not reported.
    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()


@pytest.mark.asyncio(scope="module")
async def test_mark_arguments_are_ignored_before_023(event_loop):
    await asyncio.sleep(0)


@pytest.fixture  # error: ASL102
async def plain():
    return 1
