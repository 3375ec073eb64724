# asynclint: noqa: ASL302, ASL101
import time

import pytest


async def fetch():
    return 1


async def test_unmarked():
    pass


@pytest.mark.asyncio
async def test_awaited():
    await fetch()  # noqa: ASL201
    await fetch()  # noqa: ASL201  # fetch used to be sync
    await fetch()  # noqa: ASL201 fetch used to be sync
    await fetch()  # explained  # noqa: ASL201
    time.sleep(1)  # noqa: ASL201, ASL301
    await fetch()  # noqa: ASL201, E501
