import asyncio

import pytest

# A module mark that is not an async-runner mark covers nothing.
pytestmark = pytest.mark.filterwarnings("default")


async def fetch(n):
    await asyncio.sleep(0)
    return n


@pytest.mark.parametrize("n", [1, 2])
async def test_parametrized(n):  # error: ASL101
    assert await fetch(n) == n


@pytest.mark.usefixtures("tmp_path")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_stacked_marks():  # error: ASL101
    assert await fetch(3) == 3


@pytest.mark.skipif(False, reason="never skipped")
async def test_skipif_false():  # error: ASL101
    assert await fetch(4) == 4
