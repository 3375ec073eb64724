"""An installed pytest plugin asynclint does not know, whose name says it deals with async
code, may run unmarked coroutine tests: the runner is uncertain, so asynclint stays silent
(the requirement is reached through an ``-r`` include)."""
import pytest


@pytest.mark.asyncio
async def test_marked():
    assert True


async def test_unmarked_but_maybe_run_by_the_plugin():
    assert True
