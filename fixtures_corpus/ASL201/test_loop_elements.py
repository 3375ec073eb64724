"""Objects a loop or comprehension takes out of a list of one class: their coroutines."""

import asyncio

import pytest


class Bot:
    def __init__(self, token: str) -> None:
        self.token = token
        self.running = False

    async def start(self) -> None:
        await asyncio.sleep(0)
        self.running = True

    async def stop(self) -> None:
        await asyncio.sleep(0)
        self.running = False


@pytest.mark.asyncio
async def test_stop_each_bot_of_a_comprehension():
    bots = [Bot(token) for token in ("a", "b")]
    for bot in bots:
        await bot.start()
    for bot in bots:
        bot.stop()  # error: ASL201
    assert all(b.running for b in bots)


@pytest.mark.asyncio
async def test_stop_each_bot_of_a_literal():
    for bot in (Bot("a"), Bot("b")):
        bot.start()  # error: ASL201
