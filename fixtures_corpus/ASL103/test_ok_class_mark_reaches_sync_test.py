import asyncio

import pytest


# The class mark is meant for the coroutine tests; the sync test next to them
# only gets a warning, and it is not explicitly marked: not reported.
@pytest.mark.asyncio
class TestMixed:
    async def test_coroutine(self):
        await asyncio.sleep(0)

    def test_sync(self):
        assert True
