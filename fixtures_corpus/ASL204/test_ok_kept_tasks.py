import asyncio

import pytest


async def notify():
    return None


@pytest.mark.asyncio
async def test_kept_and_awaited():
    task = asyncio.create_task(notify())
    await task


@pytest.mark.asyncio
async def test_task_group_keeps_its_tasks():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(notify())


@pytest.mark.asyncio
async def test_collected():
    tasks = [asyncio.create_task(notify()) for _ in range(3)]
    await asyncio.gather(*tasks)


class Scheduler:
    def create_task(self, coro):
        coro.close()


@pytest.mark.asyncio
async def test_other_create_task():
    Scheduler().create_task(notify())
