"""No coroutine test of the project carries an async mark and no auto mode applies: a
released suite does not fail all its async tests, so something asynclint does not see (a CI
command line, an unlisted plugin) runs them. Runner-dependent rules stay silent."""
import pytest


@pytest.fixture
async def token():
    return "t"


async def test_login(token):
    assert token == "t"


class TestSession:
    async def test_refresh(self, token):
        assert token
