import pytest_asyncio

from app.api import build


@pytest_asyncio.fixture
async def api():
    return build("api")  # what the fixture returns is not evident here
