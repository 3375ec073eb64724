"""``from pkg.core import *`` in the test module itself: the names come from jobs' ``__all__``."""
import pytest

from pkg.core import *  # noqa: F403


@pytest.mark.asyncio
async def test_star_imported_coroutines():
    run_job("a")  # error: ASL201
    assert Queue.ping()  # error: ASL202
    await run_job("c")


def test_star_imported_sync_function():
    assert traced(run_job) is not None
