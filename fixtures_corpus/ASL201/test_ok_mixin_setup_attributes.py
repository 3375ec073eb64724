"""Look-alikes of mixin set-up attributes that stay silent: the mixin's set-up never runs
(overridden without ``super()``, or a library base comes first in the MRO), the attribute is
set by two classes of the hierarchy, or what it holds is a sync object. Each test awaits or
only reads what it uses, so the file runs cleanly."""
import unittest


class Client:
    async def fetch(self, key):
        return key


class SyncClient:
    def fetch(self, key):
        return key


class ClientMixin:
    async def asyncSetUp(self):
        self.client = Client()


class SyncMixin:
    async def asyncSetUp(self):
        self.client = SyncClient()


class TestSyncMixin(SyncMixin, unittest.IsolatedAsyncioTestCase):
    async def test_fetch(self):
        assert self.client.fetch("k") == "k"


class TestOverrideWithoutSuper(ClientMixin, unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.client = SyncClient()

    async def test_fetch(self):
        assert self.client.fetch("k") == "k"


class TestReassignedInSubclass(ClientMixin, unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.client = SyncClient()

    async def test_fetch(self):
        # asyncSetUp runs after setUp: the mixin's Client wins; asynclint cannot tell, so it is silent
        assert await self.client.fetch("k") == "k"


class TestLibraryBaseFirst(unittest.IsolatedAsyncioTestCase, ClientMixin):
    async def test_unset(self):
        # IsolatedAsyncioTestCase.asyncSetUp comes first in the MRO: the mixin's never runs
        if hasattr(self, "client"):
            self.client.fetch("k")
