# asynclint: noqa: ASL302  # error: ASL001
import time

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_awaited():
    await fetch()  # noqa: ASL201  # error: ASL001


@pytest.mark.asyncio
async def test_mixed_codes():
    time.sleep(1)  # noqa: ASL201, ASL301  # error: ASL001


@pytest.mark.asyncio
async def test_with_reason():
    await fetch()  # noqa: ASL201 fetch used to be sync  # error: ASL001
