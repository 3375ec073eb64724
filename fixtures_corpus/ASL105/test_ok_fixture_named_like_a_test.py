import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def test_data():
    # A fixture whose name starts with "test": pytest does not collect it as a test.
    yield {"rows": 1}


@pytest.mark.asyncio
async def test_rows(test_data):
    assert test_data["rows"] == 1
