"""A sync mock told to return an awaitable works: awaiting its result awaits the Future or
the coroutine (aiohttp's connector tests set ``return_value`` to a Future this way)."""
import asyncio
from unittest import mock

import pytest


class Connector:
    async def create_connection(self, host):
        raise ConnectionError("no network in tests")

    async def connect(self, host):
        return await self.create_connection(host)


async def fake_create_connection(host):
    return f"connection to {host}"


@pytest.mark.asyncio
async def test_return_value_is_a_future():
    conn = Connector()
    conn.create_connection = mock.Mock()
    conn.create_connection.return_value = asyncio.get_running_loop().create_future()
    conn.create_connection.return_value.set_result("proto")
    assert await conn.connect("example.org") == "proto"


@pytest.mark.asyncio
async def test_side_effect_is_a_coroutine_function():
    with mock.patch.object(Connector, "create_connection", new=mock.Mock()) as patched:
        patched.side_effect = fake_create_connection
        assert await Connector().connect("example.org") == "connection to example.org"
