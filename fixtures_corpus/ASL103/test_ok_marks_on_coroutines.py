import asyncio

import pytest


@pytest.mark.asyncio
async def test_coroutine():
    await asyncio.sleep(0)


class TestMarkedClass:
    pytestmark = pytest.mark.asyncio

    async def test_coroutine_method(self):
        await asyncio.sleep(0)


def test_plain_sync_test():
    assert True


@pytest.mark.parametrize("value", [1])
def test_other_marks_on_sync_test(value):
    assert value == 1
