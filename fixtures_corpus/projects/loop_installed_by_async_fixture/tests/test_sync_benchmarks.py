"""Sync benchmark-style tests that reuse the loop the async fixtures run in: an autouse
fixture requests the async `database` fixture, so a current loop exists and
`asyncio.get_event_loop()` returns it (no deprecation, no new loop)."""

import asyncio


async def insert(database, row):
    database["rows"].append(row)
    return len(database["rows"])


def test_insert_through_the_runner_loop(database):
    loop = asyncio.get_event_loop()
    assert not loop.is_closed()


def test_autouse_fixture_alone_installs_it():
    loop = asyncio.get_event_loop()
    assert loop.is_running() is False
