"""pytest-tornasync, installed by the tox environment, runs every coroutine test in its
io_loop: unmarked tests run."""
import pytest


@pytest.mark.asyncio
async def test_one_marked_by_habit():
    assert True


async def test_served(io_loop):
    assert io_loop is not None
