from unittest.mock import MagicMock, Mock, patch

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")

    def base_url(self):
        return "http://production"

    def close(self):
        raise RuntimeError("already closed")

    def stream(self):
        raise ConnectionError("no network in tests")


def test_mock_for_sync_method():
    with patch.object(Client, "base_url", Mock(return_value="http://localhost")):
        assert Client().base_url() == "http://localhost"


def test_new_mock_with_side_effect_for_sync_method():
    with patch.object(Client, "close", new=Mock(side_effect=[None])):
        assert Client().close() is None


def test_monkeypatch_sync_method(monkeypatch):
    monkeypatch.setattr(Client, "base_url", Mock(return_value="http://localhost"))
    assert Client().base_url() == "http://localhost"


def test_mocker_sync_method(mocker):
    mocker.patch.object(Client, "close", new=MagicMock())
    Client().close()


@pytest.mark.asyncio
async def test_magic_mock_as_async_iterator_for_sync_method():
    # MagicMock supports `async for`: fine for a sync method returning an async iterator.
    stream = MagicMock()
    stream.return_value.__aiter__.return_value = [b"a", b"b"]
    with patch.object(Client, "stream", stream):
        assert [chunk async for chunk in Client().stream()] == [b"a", b"b"]
