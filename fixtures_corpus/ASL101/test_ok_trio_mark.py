# Needs pytest-trio to run; the trio mark hands the test to that plugin.
import pytest
import trio


@pytest.mark.trio
async def test_trio_function():
    await trio.sleep(0)


class TestTrioClass:
    pytestmark = pytest.mark.trio

    async def test_method(self):
        await trio.sleep(0)
