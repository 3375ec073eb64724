import unittest
from unittest.mock import patch

import pytest

import app
from app import Client, fetch
from app.http import connect, make_client, stream


@pytest.mark.asyncio
async def test_local_instance():
    c = Client()
    c.get("/")  # error: ASL201
    c.post("/", {})  # error: ASL201
    c.url("/")
    await c.close()


@pytest.mark.asyncio
async def test_factories():
    make_client().get("/")  # error: ASL201
    c = make_client()
    c.close()  # error: ASL201
    d = Client.create()
    assert d.get("/")  # error: ASL202
    e = await connect()
    e.get("/")  # error: ASL201
    async for item in stream():
        assert item


@pytest.mark.asyncio
async def test_async_with():
    async with Client() as c:
        c.get("/")  # error: ASL201


@pytest.mark.asyncio
async def test_fixture(client, sync_client, fake_fetch, made):
    client.get("/")  # error: ASL201
    sync_client.get("/")
    fake_fetch()  # error: ASL201
    made.close()  # error: ASL201
    await client.get("/")


class Plain:
    def get(self, path):
        return path


@pytest.mark.asyncio
@pytest.mark.parametrize("client", [Plain()])
async def test_parametrized_shadows_fixture(client):
    client.get("/")


@pytest.mark.asyncio
async def test_reexports():
    fetch("k")  # error: ASL201
    app.fetch("k")  # error: ASL201
    app.service.Service().load("k")  # error: ASL201


class TestSetup(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.client = Client()

    async def test_uses_setup(self):
        self.client.get("/")  # error: ASL201


@pytest.mark.asyncio
@patch("app.service.fetch")
async def test_patched(mock_fetch):
    mock_fetch("k")  # error: ASL201
    mock_fetch.assert_called_once()  # error: ASL502
    assert mock_fetch.call_count == 1  # error: ASL502


@pytest.mark.asyncio
async def test_patch_context(mocker):
    with patch("app.service.fetch") as m:
        await m("k")
        m.assert_awaited_once()
    other = mocker.patch("app.service.fetch")
    await app.service.fetch("k")
    other.assert_called_with("k")  # error: ASL502


@pytest.mark.asyncio
async def test_fixture_importing_inside(lazy_client):
    lazy_client.post("/x", {})  # error: ASL201


@pytest.mark.asyncio
async def test_async_factory_fixture(opened):
    opened.post("/y", {})  # error: ASL201
    local = await Client.open("http://other")
    local.post("/z", {})  # error: ASL201
