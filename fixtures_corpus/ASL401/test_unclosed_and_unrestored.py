"""Loops created without a close on every path, installed globally without a restore, asked
for where none runs, and driven in sync tests of a project whose runner could await."""
import asyncio

import pytest


async def fetch():
    return 1


def test_loop_closed_at_the_end():
    loop = asyncio.new_event_loop()
    assert loop.run_until_complete(fetch()) == 1  # error: ASL401
    loop.close()


def test_loop_left_open():
    loop = asyncio.new_event_loop()  # error: ASL401
    assert loop.run_until_complete(fetch()) == 1  # error: ASL401


def test_global_loop_not_restored():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # error: ASL401
    try:
        assert asyncio.get_event_loop().run_until_complete(fetch()) == 1  # error: ASL401, ASL401
    finally:
        loop.close()


def test_asyncio_run():
    assert asyncio.run(fetch()) == 1  # error: ASL401


def test_asyncio_run_with_debug_is_about_the_api():
    assert asyncio.run(fetch(), debug=True) == 1


@pytest.mark.asyncio
async def test_marked():
    assert await fetch() == 1
