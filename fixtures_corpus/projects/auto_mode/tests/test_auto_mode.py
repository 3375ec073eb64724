# asyncio_mode = auto in pyproject.toml: unmarked async tests run.
import time

from app.service import fetch


async def test_unmarked_runs_in_auto_mode():
    assert await fetch("answer") == 42


class TestInClass:
    async def test_method(self):
        assert await fetch("answer") == 42


async def test_other_rules_still_apply():
    fetch("answer")  # error: ASL201
    time.sleep(0)  # error: ASL301
