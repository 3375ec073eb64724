"""AsyncMocks bound by attribute assignment (obj.attr = AsyncMock(), Class.method = AsyncMock()),
spec_set AsyncMocks, children of AsyncMocks and self attributes count calls, not awaits: each
assertion below passes although the code under test never awaited the coroutine. "Never
called" checks are stricter than their awaited twins and stay."""
import pytest
from unittest.mock import AsyncMock


class Service:
    async def send(self):
        pass


class Client:
    def __init__(self):
        self.service = Service()


def notify(target):
    """The code under test forgets to await."""
    coroutine = target()
    coroutine.close()


@pytest.mark.asyncio
async def test_attr_assigned():
    client = Client()
    client.service.send = AsyncMock()
    notify(client.service.send)
    client.service.send.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_class_attr(monkeypatch):
    monkeypatch.setattr(Service, "send", Service.send)  # restored after the test
    Service.send = AsyncMock()
    notify(Service.send)
    Service.send.assert_called()  # error: ASL502


@pytest.mark.asyncio
async def test_spec_set():
    m = AsyncMock(spec_set=Service)
    notify(m.send)
    m.send.assert_called()  # error: ASL502


@pytest.mark.asyncio
async def test_child():
    m = AsyncMock()
    notify(m.child)
    m.child.assert_called_once()  # error: ASL502


class TestSelfAttribute:
    def setup_method(self):
        self.m = AsyncMock()

    @pytest.mark.asyncio
    async def test_self_attr(self):
        notify(self.m)
        self.m.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_never_called_is_stricter():
    m = AsyncMock()
    m.assert_not_called()
    assert m.call_count == 0
    assert not m.call_count
    m.child.assert_not_called()
