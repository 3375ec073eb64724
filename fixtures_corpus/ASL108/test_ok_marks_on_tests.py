import asyncio

import pytest
import pytest_asyncio


@pytest.fixture(params=[1, 2])
def value(request):
    return request.param


@pytest_asyncio.fixture
async def connection():
    await asyncio.sleep(0)
    return "connection"


@pytest.mark.usefixtures("tmp_path")
@pytest.mark.asyncio
async def test_marks_on_a_test(connection, value):
    assert connection == "connection"
    assert value in (1, 2)


@pytest.mark.asyncio
class TestMarkedClassWithFixture:
    # A class mark applies to the class's tests, not to the fixture defined in it.
    @pytest.fixture
    def local(self):
        return "local"

    async def test_local(self, local):
        assert local == "local"
