import asyncio

import pytest


@pytest.fixture
def event_loop():  # error: ASL403
    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def event_loop_policy():
    # The recommended way before pytest-asyncio 1.4: not reported for 0.23.
    return asyncio.DefaultEventLoopPolicy()


@pytest.mark.asyncio(scope="module")
async def test_scope_is_the_argument_in_023():
    await asyncio.sleep(0)


@pytest.mark.asyncio(loop_scope="module")  # error: ASL107
async def test_loop_scope_is_unknown_in_023():
    await asyncio.sleep(0)
