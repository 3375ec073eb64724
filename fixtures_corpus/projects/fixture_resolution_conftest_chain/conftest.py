import asyncio

import pytest
import pytest_asyncio

pytest_plugins = ["helpers.plugin"]


@pytest.fixture  # error: ASL102
async def db():
    await asyncio.sleep(0)
    return "db"


@pytest_asyncio.fixture
async def cache():
    await asyncio.sleep(0)
    return "cache"
