import asyncio

import pytest

aio = pytest.mark.asyncio
runner_marks = [aio]


@aio
async def test_marked_through_a_module_alias():
    await asyncio.sleep(0)


class TestWithAliasedList:
    pytestmark = [*runner_marks]

    async def test_in_class(self):
        await asyncio.sleep(0)
