"""Instances called like functions: their class's ``async def __call__`` makes the coroutine,
also on an instance a factory call returns (``make()()``)."""

import asyncio

import pytest


class Job:
    async def __call__(self) -> int:
        await asyncio.sleep(0)
        return 1


class JobFactory:
    def __call__(self) -> Job:
        return Job()


def make_job() -> Job:
    return Job()


@pytest.mark.asyncio
async def test_instances_called_without_await():
    make_job()()  # error: ASL201
    JobFactory()()()  # error: ASL201
    job = make_job()
    job()  # error: ASL201
    assert await make_job()() == 1
