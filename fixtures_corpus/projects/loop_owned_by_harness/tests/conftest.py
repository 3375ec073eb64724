"""The project's own ``loop`` fixture creates, installs, hands over, closes and restores the
loop: the tests that receive it drive a loop the harness owns."""
import asyncio

import pytest


@pytest.fixture
def loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        asyncio.set_event_loop(None)
        loop.close()
