"""A call count read into a local and asserted 0, a second called-once check after the
first: both say "never called (again)", which no forgotten await can make pass."""
from unittest.mock import AsyncMock

import pytest


class Mailer:
    async def send(self, to, body=""):
        return to


class Signup:
    def __init__(self, mailer):
        self.mailer = mailer
        self.sent = set()

    async def register(self, email):
        if email not in self.sent:
            self.sent.add(email)
            await self.mailer.send(email, body="welcome")

    def register_forgetting_the_await(self, email):
        self.mailer.send(email, body="welcome")


@pytest.mark.asyncio
async def test_count_kept_in_a_local_is_zero():
    mailer = AsyncMock(spec=Mailer)
    signup = Signup(mailer)
    signup.sent.add("a@x")
    await signup.register("a@x")
    sends = mailer.send.call_count
    assert sends == 0


@pytest.mark.asyncio
async def test_not_called_again():
    mailer = AsyncMock(spec=Mailer)
    signup = Signup(mailer)
    await signup.register("a@x")
    mailer.send.assert_awaited_once_with("a@x", body="welcome")
    await signup.register("a@x")
    mailer.send.assert_called_once()
