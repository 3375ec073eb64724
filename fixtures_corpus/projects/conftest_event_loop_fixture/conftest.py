import asyncio

import pytest


@pytest.fixture
def event_loop():  # error: ASL403
    loop = asyncio.get_event_loop_policy().new_event_loop()
    yield loop
    loop.close()
