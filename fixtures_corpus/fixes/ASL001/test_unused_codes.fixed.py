# asynclint: noqa: ASL101
import time

import pytest


async def fetch():
    return 1


async def test_unmarked():
    pass


@pytest.mark.asyncio
async def test_awaited():
    await fetch()
    await fetch()  # fetch used to be sync
    await fetch()  # fetch used to be sync
    await fetch()  # explained
    time.sleep(1)  # noqa: ASL301
    await fetch()  # noqa: E501
