import asyncio

import pytest

from app import testing
from app.testing import aio, aio_fixture, anyio_mark, async_marks, late_marks, tag

pytestmark = testing.common_marks + [pytest.mark.asyncio]

local_aio = pytest.mark.asyncio


@aio_fixture
async def connection():
    await asyncio.sleep(0)
    return "connected"


async def test_module_marks_concatenated(connection):
    assert connection == "connected"


@tag
@aio
async def test_tagged_and_marked():
    await asyncio.sleep(0)


@local_aio
async def test_local_alias():
    await asyncio.sleep(0)


@pytest.fixture
def anyio_backend():
    return "asyncio"


@anyio_mark
async def test_anyio_through_an_alias(anyio_backend):
    await asyncio.sleep(0)


class TestStarredList:
    pytestmark = [*async_marks, pytest.mark.slow]

    async def test_in_class(self):
        await asyncio.sleep(0)


class TestListChangedInItsModule:
    pytestmark = late_marks

    async def test_in_class(self):
        await asyncio.sleep(0)

