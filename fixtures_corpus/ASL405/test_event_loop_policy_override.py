import asyncio

import pytest


@pytest.fixture(scope="session")
def event_loop_policy():  # error: ASL405
    return asyncio.DefaultEventLoopPolicy()


@pytest.mark.asyncio
async def test_runs():
    await asyncio.sleep(0)
