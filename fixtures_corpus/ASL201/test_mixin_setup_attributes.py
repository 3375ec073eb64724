"""Attributes a mixin or base class assigns in its set-up method (``asyncSetUp``/``setUp``)
are what ``self.<attr>`` holds in the test methods of the classes that inherit it: calling
their coroutine methods without ``await`` creates coroutines that never run."""
import unittest


class Client:
    async def fetch(self, key):
        return key

    def url(self, key):
        return "http://test/" + key


class ClientMixin:
    async def asyncSetUp(self):
        self.client = Client()


class BaseCase(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.other = Client()


class TestWithMixin(ClientMixin, unittest.IsolatedAsyncioTestCase):
    async def test_fetch(self):
        self.client.fetch("k")  # error: ASL201
        assert self.client.url("k")


class TestWithBase(BaseCase):
    async def test_fetch(self):
        self.other.fetch("k")  # error: ASL201


class TestOverrideCallsSuper(ClientMixin, unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        await super().asyncSetUp()
        self.ready = True

    async def test_fetch(self):
        self.client.fetch("k")  # error: ASL201


class ClearingMixin:
    async def asyncSetUp(self):
        self.session = Client()

    async def asyncTearDown(self):
        self.session = None


class TestTornDownAfterwards(ClearingMixin, unittest.IsolatedAsyncioTestCase):
    async def test_fetch(self):
        self.session.fetch("k")  # error: ASL201


class TestClearedInOwnTearDown(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.session = Client()

    def tearDown(self):
        self.session = None

    async def test_fetch(self):
        self.session.fetch("k")  # error: ASL201
