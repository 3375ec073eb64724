"""Sync tests driving pytest-asyncio's removed `event_loop` fixture: the request is
ASL403, and its unsafe fix makes each test a coroutine that awaits."""
import pytest


async def fetch(value=1):
    return value


def test_event_loop_fixture(event_loop, tmp_path):
    assert event_loop.run_until_complete(fetch(3)).bit_length() == 2
    assert tmp_path


def test_event_loop_last_of_wrapped_parameters(
    tmp_path, event_loop
):
    assert event_loop.run_until_complete(fetch(2)) == 2
