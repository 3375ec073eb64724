import asyncio

import pytest

pytestmark = [pytest.mark.filterwarnings("default"), pytest.mark.usefixtures("tmp_path")]


async def test_listed_marks_do_not_include_asyncio():  # error: ASL101
    await asyncio.sleep(0)


class TestInClass:
    async def test_method(self):  # error: ASL101
        await asyncio.sleep(0)
