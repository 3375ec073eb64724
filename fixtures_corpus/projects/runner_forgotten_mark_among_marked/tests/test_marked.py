"""The suite runs its coroutine tests with pytest-asyncio marks (see test_marked.py), so the
unmarked one in the other file is the forgotten one."""
import pytest


@pytest.mark.asyncio
async def test_ping():
    assert True
