# The command-line option in addopts beats the ini key: strict mode.
import pytest

from app.service import fetch


async def test_unmarked_is_not_run():  # error: ASL101
    assert await fetch("answer") == 42


@pytest.mark.asyncio
async def test_marked_runs():
    assert await fetch("answer") == 42
