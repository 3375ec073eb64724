import asyncio

import pytest as pt
from pytest import mark
from pytest import mark as m


@pt.mark.asyncio
async def test_module_alias():
    await asyncio.sleep(0)


@mark.asyncio
async def test_imported_mark():
    await asyncio.sleep(0)


@m.asyncio
async def test_imported_mark_alias():
    await asyncio.sleep(0)


class TestAliasedClassMark:
    pytestmark = pt.mark.asyncio

    async def test_method(self):
        await asyncio.sleep(0)
