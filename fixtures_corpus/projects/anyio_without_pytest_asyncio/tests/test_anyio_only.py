# pytest-asyncio is disabled (-p no:asyncio in setup.cfg): anyio runs the marked tests.
import anyio
import pytest


@pytest.mark.anyio
async def test_marked_for_anyio():
    await anyio.sleep(0)


class TestAnyioClass:
    pytestmark = pytest.mark.anyio

    async def test_method(self):
        await anyio.sleep(0)


async def test_unmarked():  # error: ASL101
    await anyio.sleep(0)
