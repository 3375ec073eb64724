"""Loops and comprehensions over objects whose class is not one known class, or whose list
changes, and coroutines made in a comprehension that something awaits."""

import asyncio

import pytest


class Bot:
    async def stop(self) -> None:
        await asyncio.sleep(0)


class FakeBot:
    def stop(self) -> None:
        return None


@pytest.mark.asyncio
async def test_mixed_classes():
    for bot in [Bot(), FakeBot()]:
        result = bot.stop()
        if asyncio.iscoroutine(result):
            await result


@pytest.mark.asyncio
async def test_list_extended_with_fakes():
    bots = [Bot() for _ in range(2)]
    bots.clear()
    bots.append(FakeBot())  # type: ignore[arg-type]
    for bot in bots:
        bot.stop()


@pytest.mark.asyncio
async def test_comprehension_of_coroutines_gathered():
    bots = [Bot() for _ in range(2)]
    await asyncio.gather(*[bot.stop() for bot in bots])
    stops = [bot.stop() for bot in bots]
    await asyncio.gather(*stops)


@pytest.mark.asyncio
async def test_loop_name_also_bound_otherwise():
    bots = [Bot(), Bot()]
    for bot in bots:
        await bot.stop()
    bot = FakeBot()
    bot.stop()


@pytest.mark.asyncio
async def test_async_iteration():
    async def fakes():
        yield FakeBot()

    async for bot in fakes():
        bot.stop()
