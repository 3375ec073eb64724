"""A fixture whose value only the test's annotation names, a library class named by a
helper's annotation, and a tuple a coroutine of another module returns."""

import httpx
import pytest

from app.api import ApiClient, open_pair


async def get_root(client: httpx.AsyncClient):
    client.get("/")  # error: ASL201


@pytest.mark.asyncio
async def test_fixture_known_by_annotation(api: ApiClient):
    api.fetch("/items")  # error: ASL201
    assert api.url("/items").endswith("/items")


@pytest.mark.asyncio
async def test_library_annotation():
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await get_root(client)


@pytest.mark.asyncio
async def test_tuple_from_another_module():
    client, session = await open_pair()
    session.commit()  # error: ASL201
    await client.fetch("/")


@pytest.mark.asyncio
async def test_ok_awaited(api: ApiClient):
    assert await api.fetch("/x") == "/x"
