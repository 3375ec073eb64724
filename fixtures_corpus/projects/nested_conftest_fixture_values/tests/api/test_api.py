import pytest


@pytest.mark.asyncio
async def test_overridden_fixture(client):
    client.fetch("k")  # error: ASL201


@pytest.mark.asyncio
async def test_async_generator_fixture(session):
    session.fetch("k")  # error: ASL201
