import asyncio

import pytest
import pytest_asyncio

database = []


async def seed(rows):
    database.extend(rows)


async def truncate():
    database.clear()


def reset_database():
    truncate()  # error: ASL201


@pytest.fixture
def seeded():
    seed([1, 2, 3])  # error: ASL201
    yield
    reset_database()


@pytest_asyncio.fixture
async def seeded_async():
    seed([4])  # error: ASL201
    await asyncio.sleep(0)
    yield
    await truncate()


def test_seeded(seeded):
    assert database == []


@pytest.mark.asyncio
async def test_seeded_async(seeded_async):
    assert database == []
