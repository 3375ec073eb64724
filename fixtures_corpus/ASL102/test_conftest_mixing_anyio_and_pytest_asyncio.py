# asynclint-test: filename=conftest.py
"""This conftest serves pytest-asyncio (it imports pytest_asyncio) and offers anyio_backend
for a few anyio tests: a plain ``@pytest.fixture`` on an async fixture is still ignored by
the pytest-asyncio tests that request it."""
import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def client():
    return {"users": []}


@pytest.fixture  # error: ASL102
async def alice(client):
    client["users"].append("alice")
    return "alice"


@pytest.fixture
def anyio_backend():
    return "asyncio"
