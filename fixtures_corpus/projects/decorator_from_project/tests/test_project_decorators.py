import asyncio

import pytest

from app.testing import run_async, traced


async def compute():
    await asyncio.sleep(0)
    return 42


@run_async
async def test_run_by_project_harness():
    assert await compute() == 42


@traced
async def test_traced_but_unmarked():  # error: ASL101
    assert await compute() == 42


@traced
@pytest.mark.asyncio
async def test_traced_and_marked():
    assert await compute() == 42
