import asyncio

import pytest
import pytest_asyncio


@pytest.mark.usefixtures("tmp_path")  # error: ASL108
@pytest.fixture
def workdir():
    return "workdir"


@pytest_asyncio.fixture
@pytest.mark.asyncio  # error: ASL108
async def connection():
    await asyncio.sleep(0)
    return "connection"


class TestWithFixture:
    @pytest.fixture
    @pytest.mark.parametrize("value", [1, 2])  # error: ASL108
    def value(self):
        return 1

    def test_value(self, value):
        assert value == 1


def test_workdir(workdir):
    assert workdir == "workdir"


@pytest.mark.asyncio
async def test_connection(connection):
    assert connection == "connection"
