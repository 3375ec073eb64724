import asyncio

import pytest

pytestmark = pytest.mark.asyncio(scope="module")  # error: ASL107


async def test_module_marked():
    await asyncio.sleep(0)


@pytest.mark.asyncio(scope="function")  # error: ASL107
async def test_function_marked():
    await asyncio.sleep(0)


@pytest.mark.asyncio(  # error: ASL107
    scope="class",
)
class TestClassMarked:
    async def test_method(self):
        await asyncio.sleep(0)


@pytest.mark.parametrize(
    "value",
    [pytest.param(1, marks=pytest.mark.asyncio(scope="function"))],  # error: ASL107
)
async def test_param_marks(value):
    assert value == 1
