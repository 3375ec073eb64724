# asynclint-test: asyncio_mode=auto
import asyncio

import pytest


# In auto mode pytest-asyncio runs every async fixture, whatever its decorator.
@pytest.fixture
async def connection():
    await asyncio.sleep(0)
    return "connection"


@pytest.fixture
async def session():
    yield "session"


async def test_connection(connection, session):
    assert (connection, session) == ("connection", "session")


def test_sync_test_gets_the_value(connection):
    assert connection == "connection"
