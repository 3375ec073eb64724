# asynclint: noqa: ASL101
import time

import pytest


async def fetch():
    return 1


async def test_unmarked_silenced_for_the_whole_file():
    pass


@pytest.mark.asyncio
async def test_used():
    fetch()  # noqa: ASL201
    time.sleep(1)  # noqa: ASL301, E501


@pytest.mark.asyncio
async def test_left_alone():
    await fetch()  # noqa
    await fetch()  # noqa: E731, F401
    await fetch()  # noqa: ASL201, ASL001 kept on purpose
    label = "# noqa: ASL201"
