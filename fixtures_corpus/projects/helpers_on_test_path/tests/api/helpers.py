"""Imported by bare name: pytest puts tests/api (no __init__.py) on sys.path."""

import pytest
import pytest_asyncio

aio_fixture = pytest_asyncio.fixture
aio = pytest.mark.asyncio


async def seed(client, count: int) -> None:
    for i in range(count):
        await client.send(f"seed {i}")
