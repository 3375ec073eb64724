import time

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def slow_resource():
    time.sleep(0.01)  # error: ASL301
    yield "resource"
    time.sleep(0.01)  # error: ASL301


async def wait_until_ready():
    time.sleep(0.01)  # error: ASL301
    return True


class TestService:
    async def _warm_up(self):
        time.sleep(0.01)  # error: ASL301

    @pytest.mark.asyncio
    async def test_with_resource(self, slow_resource):
        await self._warm_up()
        assert await wait_until_ready()
        assert slow_resource == "resource"
