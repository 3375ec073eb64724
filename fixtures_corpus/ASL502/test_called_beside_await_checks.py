"""A called-check beside an await check on the same mock: the await check catches a
forgotten await, but the called-check itself still passes without one, and its awaited
form checks the same arguments, so it is reported."""
from unittest.mock import AsyncMock, call

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
async def test_arguments_checked_then_await():
    mailer = AsyncMock(spec=Mailer)
    await Signup(mailer).register("a@x")
    mailer.send.assert_called_once_with("a@x", body="welcome")  # error: ASL502
    mailer.send.assert_awaited_once()


@pytest.mark.asyncio
async def test_count_then_awaits():
    mailer = AsyncMock(spec=Mailer)
    signup = Signup(mailer)
    await signup.register("a@x")
    await signup.register("b@x")
    assert mailer.send.call_count == 2  # error: ASL502
    mailer.send.assert_has_awaits([call("a@x", body="welcome"), call("b@x", body="welcome")])


@pytest.mark.asyncio
async def test_forgotten_await_is_caught():
    mailer = AsyncMock(spec=Mailer)
    Signup(mailer).register_forgetting_the_await("a@x")
    mailer.send.assert_called_once_with("a@x", body="welcome")  # error: ASL502
    mailer.send.assert_awaited_once()
