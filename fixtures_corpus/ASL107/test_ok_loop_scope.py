import asyncio

import pytest
import pytest_asyncio

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared():
    # `scope=` of a fixture is the fixture's own scope: not deprecated.
    return "shared"


async def test_module_loop(shared):
    await asyncio.sleep(0)
    assert shared == "shared"


@pytest.mark.asyncio(loop_scope="module")
async def test_function_mark():
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_no_arguments():
    await asyncio.sleep(0)


@pytest.mark.asyncio()
async def test_empty_call():
    await asyncio.sleep(0)
