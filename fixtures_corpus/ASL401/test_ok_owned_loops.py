"""Loops the test owns: made in the test and closed on every path (``finally``,
``contextlib.closing``, after a fixture's ``yield``), the current loop taken, closed and
replaced on purpose, or loops whose identity the test asserts (the loop API is its
subject). None of these manages a loop instead of the runner."""
import asyncio
import contextlib

import pytest


async def fetch():
    return 1


def running_or_new_loop():
    """Code under test: the running loop, or a new one for the caller to own."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.new_event_loop()


def test_private_loop_closed_in_finally():
    loop = asyncio.new_event_loop()
    try:
        assert loop.run_until_complete(fetch()) == 1
    finally:
        loop.close()


def test_installed_restored_and_closed():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        assert loop.run_until_complete(fetch()) == 1
    finally:
        asyncio.set_event_loop(None)
        loop.close()


def test_closing_block():
    with contextlib.closing(asyncio.new_event_loop()) as loop:
        assert loop.run_until_complete(fetch()) == 1


@pytest.fixture
def private_loop():
    loop = asyncio.new_event_loop()
    yield loop
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()


def test_on_the_fixture_loop(private_loop):
    assert private_loop.run_until_complete(fetch()) == 1


def test_replaces_the_current_loop():
    current = asyncio.new_event_loop()
    asyncio.set_event_loop(current)
    loop = asyncio.get_event_loop()
    loop.close()
    # the current loop is closed: install a fresh one, as the code under test expects
    asyncio.set_event_loop(asyncio.new_event_loop())
    asyncio.get_event_loop().close()
    asyncio.set_event_loop(None)


def test_installed_loop_is_current():
    made = running_or_new_loop()
    asyncio.set_event_loop(made)
    try:
        assert asyncio.get_event_loop() is made
    finally:
        asyncio.set_event_loop(None)
        made.close()


def test_helper_makes_a_fresh_loop():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    got = running_or_new_loop()
    assert got is not loop
    got.close()
    asyncio.set_event_loop(None)
    loop.close()
