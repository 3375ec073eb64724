import pytest_asyncio

from app.client import KVClient


@pytest_asyncio.fixture
async def client():
    return await KVClient.connect()


@pytest_asyncio.fixture
async def seeded(client):
    client.data["user:1"] = "ada"
    return client  # the same KVClient, handed on
