# asynclint-test: asyncio_mode=auto
import asyncio

import pytest


@pytest.fixture
async def token():
    await asyncio.sleep(0)
    return "secret"


def test_sync_requester(token):
    # In auto mode pytest-asyncio runs the fixture for the sync test as well.
    assert token == "secret"
