from app.broker import Broker


class BrokerMixin:
    """Set-up shared by IsolatedAsyncioTestCase suites."""

    async def asyncSetUp(self):
        await super().asyncSetUp()
        self.broker = Broker()
        self.session = await self.broker.connect("client-1")


class RenamingMixin:
    """Sets ``session`` in a set-up method and rebinds it in a helper: unsure."""

    async def asyncSetUp(self):
        self.broker = Broker()
        self.session = await self.broker.connect("client-2")

    def swap(self, other):
        self.session = other
