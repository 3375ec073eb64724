import asyncio

import pytest


# Not linted (a plugin module, not a test file), but its fixtures are found.
@pytest.fixture
async def queue():
    await asyncio.sleep(0)
    return "queue"
