import pytest
import pytest_asyncio

from app.db import Pool, SessionFactory


@pytest.fixture
def Session():
    return SessionFactory()


@pytest.fixture
def pool():
    return Pool()


@pytest_asyncio.fixture
async def conn(pool):
    connection = await pool.acquire()
    yield connection
