"""pytest-sanic (declared with setup()'s tests_require, read without running setup.py) runs
coroutine tests and fixtures itself, in its ``loop`` fixture."""
import asyncio

import pytest


@pytest.fixture
async def app():
    await asyncio.sleep(0)
    return object()


@pytest.mark.asyncio
async def test_marked(app):
    assert app


async def test_unmarked(app, loop):
    assert loop.run_until_complete is not None
