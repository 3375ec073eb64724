# The command-line option in addopts beats the ini key: auto mode.
from app.service import fetch


async def test_unmarked_runs():
    assert await fetch("answer") == 42
