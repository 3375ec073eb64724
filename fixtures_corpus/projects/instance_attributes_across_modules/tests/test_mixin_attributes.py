import unittest
from unittest.mock import AsyncMock

from app.broker import Broker

from .base import BrokerMixin, RenamingMixin


class TestSessions(BrokerMixin, unittest.IsolatedAsyncioTestCase):
    async def test_publish_forgotten(self):
        self.session.publish("sensors/t")  # error: ASL201
        self.assertEqual(self.session.pending(), 0)

    async def test_publish_awaited(self):
        await self.session.publish("sensors/t")
        self.assertEqual(self.session.pending(), 1)

    async def test_session_by_key(self):
        session = self.broker.sessions["client-1"]
        session.publish("sensors/h")  # error: ASL201
        self.assertEqual(session.pending(), 0)

    async def test_session_by_key_awaited(self):
        await self.broker.sessions["client-1"].publish("sensors/h")
        for client_id in self.broker.sessions:
            self.assertEqual(client_id.upper(), "CLIENT-1")


class TestRenamed(RenamingMixin, unittest.IsolatedAsyncioTestCase):
    async def test_session_rebound_elsewhere(self):
        await self.session.publish("a")


class TestOverridesSetUp(BrokerMixin, unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.session = None

    async def test_own_set_up_wins(self):
        self.assertIsNone(self.session)


class TestNotifier(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.notifier = AsyncMock()

    async def asyncSetUp(self):
        self.notifier = AsyncMock()
        self.broker = Broker(notifier=self.notifier)

    async def test_notified(self):
        await self.notifier.connected("client-1")
        self.notifier.connected.assert_called_once_with("client-1")  # error: ASL502

    async def test_notified_awaited(self):
        await self.notifier.connected("client-1")
        self.notifier.connected.assert_awaited_once_with("client-1")
