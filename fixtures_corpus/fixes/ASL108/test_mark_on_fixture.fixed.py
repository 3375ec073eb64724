import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def connection():
    await asyncio.sleep(0)
    return "connection"


@pytest.fixture
def workdir():
    return "workdir"


@pytest.mark.asyncio
async def test_uses(connection, workdir):
    assert (connection, workdir) == ("connection", "workdir")
