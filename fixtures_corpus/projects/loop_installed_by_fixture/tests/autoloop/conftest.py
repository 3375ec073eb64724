"""Every test in this folder runs with a current loop installed by an autouse fixture."""
import asyncio

import pytest


@pytest.fixture(autouse=True)
def current_loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()
