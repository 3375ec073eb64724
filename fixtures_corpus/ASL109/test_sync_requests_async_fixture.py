import asyncio

import pytest


@pytest.fixture  # error: ASL102
async def token():
    await asyncio.sleep(0)
    return "secret"


@pytest.fixture  # error: ASL102
async def session():
    yield "session"


@pytest.fixture
def headers(token):  # error: ASL109
    return {"Authorization": token}


def test_token(token):  # error: ASL109
    assert token == "secret"


def test_session(  # the request is reported where the parameter is
    session,  # error: ASL109
):
    assert session == "session"


@pytest.mark.usefixtures("session")  # error: ASL109
def test_uses_session():
    assert True


class TestInClass:
    def test_method(self, token):  # error: ASL109
        assert token == "secret"
