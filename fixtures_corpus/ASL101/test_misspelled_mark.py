import asyncio

import pytest


@pytest.mark.asycnio
async def test_typo_in_mark_name():  # error: ASL101
    await asyncio.sleep(0)


@pytest.mark.asyncio_
async def test_trailing_underscore():  # error: ASL101
    await asyncio.sleep(0)
