import asyncio

import pytest

from app import testing
from app.testing import aio, common_marks, fixture, registered, tag

pytestmark = [*common_marks, pytest.mark.slow]


@fixture  # error: ASL102
async def connection():
    await asyncio.sleep(0)
    return "connected"


@aio
async def test_marked_through_an_alias():
    await asyncio.sleep(0)


async def test_concatenated_marks_without_asyncio():  # error: ASL101
    await asyncio.sleep(0)


@tag
async def test_under_a_decorator_returning_the_test():  # error: ASL101
    await asyncio.sleep(0)


@registered("smoke")
async def test_under_a_decorator_factory():  # error: ASL101
    await asyncio.sleep(0)


@aio
async def test_requests_the_sync_decorated_fixture(connection):
    assert connection == "connected"


class TestWithSharedMarks:
    pytestmark = testing.slow_marks + [pytest.mark.filterwarnings("default")]

    async def test_in_class(self):  # error: ASL101
        await asyncio.sleep(0)
