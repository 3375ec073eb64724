# Lint-only shapes of library coroutines reached through aliases.
import asyncio as aio
from asyncio import sleep
from asyncio import wait_for as wf

import anyio
import pytest
import trio
from anyio import sleep as anyio_sleep


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_aliased_module():
    aio.sleep(0)  # error: ASL201


@pytest.mark.asyncio
async def test_imported_name():
    sleep(0)  # error: ASL201


@pytest.mark.asyncio
async def test_imported_alias():
    wf(fetch(), 1)  # error: ASL201


@pytest.mark.anyio
async def test_anyio_sleep():
    anyio.sleep(0)  # error: ASL201
    anyio_sleep(0)  # error: ASL201


def helper_for_trio():
    trio.sleep(0)  # error: ASL201
