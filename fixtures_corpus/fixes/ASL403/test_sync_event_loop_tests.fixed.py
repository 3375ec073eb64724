"""Sync tests driving pytest-asyncio's removed `event_loop` fixture: the request is
ASL403, and its unsafe fix makes each test a coroutine that awaits."""
import pytest


async def fetch(value=1):
    return value


@pytest.mark.asyncio
async def test_event_loop_fixture(tmp_path):
    assert (await fetch(3)).bit_length() == 2
    assert tmp_path


@pytest.mark.asyncio
async def test_event_loop_last_of_wrapped_parameters(
    tmp_path
):
    assert await fetch(2) == 2
