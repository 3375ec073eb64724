import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def token():
    await asyncio.sleep(0)
    return "secret"


@pytest.fixture
def headers(token):
    # pytest-asyncio runs its fixtures for sync requesters too.
    return {"Authorization": token}


def test_token(token, headers):
    assert token == "secret"
    assert headers == {"Authorization": "secret"}


@pytest.mark.parametrize("token", ["given"])
def test_parametrize_wins_over_the_fixture(token):
    assert token == "given"


def test_default_value_is_not_a_request(token="default"):
    assert token == "default"


@pytest.mark.asyncio
async def test_async_requester(token):
    assert token == "secret"
