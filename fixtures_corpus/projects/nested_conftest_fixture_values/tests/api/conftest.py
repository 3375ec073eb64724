"""The api tests override the top conftest's fixtures: pytest uses the nearest definition."""
import pytest
import pytest_asyncio

from app.clients import Client


@pytest.fixture
def client():
    return Client()


@pytest_asyncio.fixture
async def session():
    opened = Client()
    yield opened
    await opened.aclose()
