"""AsyncMocks bound by attribute assignment (obj.attr = AsyncMock(), Class.method = AsyncMock()),
spec_set AsyncMocks, children of AsyncMocks and self attributes count calls, not awaits;
"never called" checks are stricter than their awaited twins and stay."""
import pytest
from unittest.mock import AsyncMock, MagicMock, patch


class Service:
    async def send(self):
        pass


class Client:
    def __init__(self):
        self.service = Service()


@pytest.mark.asyncio
async def test_attr_assigned():
    client = Client()
    client.service.send = AsyncMock()
    await client.service.send()
    client.service.send.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_class_attr():
    Service.send = AsyncMock()
    Service.send.assert_called()  # error: ASL502


@pytest.mark.asyncio
async def test_spec_set():
    m = AsyncMock(spec_set=Service)
    m.send.assert_called()  # error: ASL502


@pytest.mark.asyncio
async def test_child():
    m = AsyncMock()
    m.child.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_self_attr():
    class T:
        def setup(self):
            self.m = AsyncMock()
        def check(self):
            self.m.assert_called_once()  # error: ASL502
    T()


@pytest.mark.asyncio
async def test_never_called_is_stricter():
    m = AsyncMock()
    m.assert_not_called()
    assert m.call_count == 0
    assert not m.call_count
