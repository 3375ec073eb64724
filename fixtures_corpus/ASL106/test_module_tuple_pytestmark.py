import asyncio

import pytest

pytestmark = (pytest.mark.asyncio, pytest.mark.filterwarnings("default"))  # error: ASL106


async def test_never_collected():
    await asyncio.sleep(0)
