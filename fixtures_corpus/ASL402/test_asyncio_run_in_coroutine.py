import asyncio
from asyncio import run

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_asyncio_run_inside_running_loop():
    assert asyncio.run(fetch()) == 1  # error: ASL402


@pytest.mark.asyncio
async def test_imported_run():
    run(fetch())  # error: ASL402
