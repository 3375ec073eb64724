import pytest
import trio


@pytest.mark.trio
async def test_marked():
    await trio.sleep(0)


@pytest.mark.trio
async def test_unmarked():
    await trio.sleep(0)
