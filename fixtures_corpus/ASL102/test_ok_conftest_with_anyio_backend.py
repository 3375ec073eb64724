# asynclint-test: filename=conftest.py
"""A conftest that sets up anyio (its ``anyio_backend``) and declares plain async fixtures:
anyio's plugin runs them for the anyio tests that request them (starlette-style suites)."""
import pytest


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def store():
    return {"notes": []}


@pytest.fixture
async def populated(store):
    store["notes"].append("milk")
    yield store
    store["notes"].clear()
