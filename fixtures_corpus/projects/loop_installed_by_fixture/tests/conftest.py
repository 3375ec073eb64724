"""Fixtures that install a current loop for sync code under test, and one that clears it."""
import asyncio

import pytest


@pytest.fixture
def installed_loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()


@pytest.fixture
def quiet_loop(installed_loop):
    installed_loop.set_debug(False)
    return installed_loop


@pytest.fixture
def no_current_loop():
    asyncio.set_event_loop(None)
    yield
