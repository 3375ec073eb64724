import asyncio

import pytest

pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings("default")]


async def test_module_list():
    await asyncio.sleep(0)


class TestSingleMark:
    pytestmark = pytest.mark.asyncio

    async def test_single(self):
        await asyncio.sleep(0)


class TestParenthesisedSingleMark:
    pytestmark = (pytest.mark.asyncio)

    async def test_parenthesised(self):
        await asyncio.sleep(0)


class TestListOfMarks:
    pytestmark = [pytest.mark.filterwarnings("default")]

    async def test_list(self):
        await asyncio.sleep(0)
