import asyncio

import pytest


def get_event_loop():
    # A project function that happens to share the name.
    return "not asyncio"


@pytest.mark.asyncio
async def test_running_loop():
    loop = asyncio.get_running_loop()
    assert loop.is_running()
    assert get_event_loop() == "not asyncio"


@pytest.mark.asyncio
async def test_lambda_may_run_later():
    factory = lambda: asyncio.get_event_loop()  # noqa: E731
    assert callable(factory)


@pytest.mark.asyncio
async def test_policy_method():
    loop = asyncio.get_event_loop_policy().get_event_loop()
    assert loop is asyncio.get_running_loop()
