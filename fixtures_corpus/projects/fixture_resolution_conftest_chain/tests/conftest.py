import pytest


@pytest.fixture  # error: ASL102
async def session():
    yield "session"


@pytest.fixture
def config(db):  # error: ASL109
    return {"db": db}
