import asyncio

import pytest


@pytest.mark.usefixtures("concurrency")
async def test_requested_with_usefixtures():
    await asyncio.sleep(0)


async def test_requested_as_parameter(concurrency):
    await asyncio.sleep(0)


async def test_requested_through_another_fixture(backend):
    await asyncio.sleep(0)


async def test_plain_params_do_not_mark(database):  # error: ASL101
    await asyncio.sleep(0)


class TestLocalFixture:
    @pytest.fixture(params=[pytest.param(1, marks=[pytest.mark.asyncio])])
    def number(self, request):
        return request.param

    async def test_local_class_fixture(self, number):
        await asyncio.sleep(0)
