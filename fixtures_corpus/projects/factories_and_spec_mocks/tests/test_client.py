"""Factories inherited from a base class, fixtures that hand on another fixture, and mocks
with a spec or a plain return value."""
from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from app.client import Detector, KVClient, Record, Sink, lookup


@pytest.mark.asyncio
async def test_inherited_classmethod_factory():
    conn = await KVClient.connect("memory://other")
    conn.delete("x")  # error: ASL201


@pytest.mark.asyncio
async def test_fixture_returning_its_parameter(seeded):
    seeded.delete("user:1")  # error: ASL201
    assert "user:1" in seeded.data


@pytest.mark.asyncio
async def test_spec_mock_children_are_async_mocks():
    sink = AsyncMock(spec=Sink)
    sink.send.return_value = 2
    assert await sink.send(["a", "b"]) == 2
    sink.send.assert_called_once_with(["a", "b"])  # error: ASL502


@pytest.mark.asyncio
async def test_mock_returning_a_plain_record():
    record = Record("k", "v")
    with patch.object(KVClient, "get", MagicMock(return_value=record)):  # error: ASL501
        with pytest.raises(TypeError):
            await lookup(KVClient(), "k")


@pytest.mark.asyncio
async def test_mocker_magic_mock_class(mocker):
    mocker.patch("app.client.KVClient.get", new_callable=mocker.MagicMock)  # error: ASL501
    with pytest.raises(TypeError):
        await lookup(KVClient(), "k")


@pytest.mark.asyncio
async def test_awaitable_return_values_stay_silent():
    client = KVClient()
    done = AsyncMock(return_value=Record("k", "v"))
    with patch.object(KVClient, "get", MagicMock(return_value=done())):
        assert await lookup(client, "k") == "v"


@pytest.mark.asyncio
async def test_spec_of_an_abstract_coroutine():
    detector = MagicMock(spec=Detector)
    await detector.register(ValueError())
    assert detector.register.call_count == 1  # error: ASL502
