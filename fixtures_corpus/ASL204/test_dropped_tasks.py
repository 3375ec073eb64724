import asyncio
from asyncio import create_task

import pytest


async def notify():
    return None


@pytest.mark.asyncio
async def test_create_task():
    asyncio.create_task(notify())  # error: ASL204


@pytest.mark.asyncio
async def test_imported_name():
    create_task(notify())  # error: ASL204


@pytest.mark.asyncio
async def test_ensure_future():
    asyncio.ensure_future(notify())  # error: ASL204


@pytest.mark.asyncio
async def test_loop_create_task():
    loop = asyncio.get_running_loop()
    loop.create_task(notify())  # error: ASL204
    asyncio.get_running_loop().create_task(notify())  # error: ASL204
