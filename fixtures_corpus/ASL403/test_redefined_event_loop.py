import asyncio

import pytest


@pytest.fixture
def event_loop():  # error: ASL403
    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()


@pytest.mark.asyncio
async def test_runs_in_another_loop(event_loop):  # error: ASL403
    # pytest-asyncio 1.x runs the test in its own loop, not in the fixture's.
    assert event_loop is not asyncio.get_running_loop()


@pytest.fixture(name="event_loop")
def _renamed_loop_fixture():  # error: ASL403
    return None
