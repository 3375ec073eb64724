import asyncio

import pytest
from pytest import fixture


@pytest.fixture  # error: ASL102
async def connection():
    await asyncio.sleep(0)
    return "connection"


@pytest.fixture(scope="module", params=["a", "b"])  # error: ASL102
async def dataset(request):
    await asyncio.sleep(0)
    yield request.param


@fixture  # error: ASL102
async def imported_by_name():
    return 1


class TestWithMethodFixture:
    @pytest.fixture  # error: ASL102
    async def resource(self):
        return "resource"

    @pytest.mark.asyncio
    async def test_resource(self, resource):
        assert resource == "resource"


@pytest.mark.asyncio
async def test_connection(connection):
    assert connection == "connection"


@pytest.mark.asyncio
async def test_dataset(dataset):
    assert dataset in ("a", "b")


@pytest.mark.asyncio
async def test_imported_by_name(imported_by_name):
    assert imported_by_name == 1
