"""An installed library known from its source (httpx is in the test extra): `AsyncClient`'s
`async def get` makes `client.get(...)` a coroutine; the sync `Client` stays sync."""

import httpx
import pytest


class ApiClient(httpx.AsyncClient):
    def base(self):
        return self.base_url


@pytest.mark.asyncio
async def test_async_client_not_awaited():
    client = httpx.AsyncClient()
    client.get("https://example.invalid/")  # error: ASL201
    async with httpx.AsyncClient() as entered:
        entered.post("https://example.invalid/")  # error: ASL201


@pytest.mark.asyncio
async def test_project_subclass_of_library_client():
    api = ApiClient()
    api.get("/items")  # error: ASL201
    api.base()


def test_ok_sync_client():
    client = httpx.Client()
    client.get("https://example.invalid/")
    client.close()


@pytest.mark.asyncio
async def test_ok_awaited_and_sync_objects():
    async with httpx.AsyncClient() as client:
        response = await client.get("https://example.invalid/")
    response.raise_for_status()
    url = httpx.URL("https://example.invalid/")
    url.copy_with(path="/x")
