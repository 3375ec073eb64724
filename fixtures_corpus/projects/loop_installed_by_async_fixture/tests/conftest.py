"""Every test here runs after a session-scoped async fixture: pytest-asyncio's runner has
installed its loop as the current one, so sync code may ask for it."""

import pytest
import pytest_asyncio


@pytest_asyncio.fixture(scope="session")
async def database():
    yield {"rows": []}


@pytest.fixture(autouse=True)
def clean_rows(database):
    yield
    database["rows"].clear()
