"""Project subclasses of sync clients that do not wait on the network: an in-process
transport installed by `__init__`, a method the subclass defines itself, an async client."""

import httpx
import pytest
import requests


class InProcessApi(httpx.Client):
    def __init__(self):
        super().__init__(transport=httpx.MockTransport(lambda request: httpx.Response(200)))


class CachedSession(requests.Session):
    def get(self, url, **kwargs):
        return "cached"


class AsyncApi(httpx.AsyncClient):
    pass


@pytest.mark.asyncio
async def test_in_process_transport():
    assert InProcessApi().get("http://testserver/").status_code == 200


@pytest.mark.asyncio
async def test_overridden_method():
    assert CachedSession().get("http://testserver/") == "cached"


@pytest.mark.asyncio
async def test_async_subclass():
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    async with AsyncApi(transport=transport) as client:
        assert (await client.get("http://testserver/")).status_code == 200
