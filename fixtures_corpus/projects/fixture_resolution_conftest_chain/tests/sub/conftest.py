import pytest


@pytest.fixture
def db():
    # Overrides the async `db` of the root conftest for this folder.
    return "sync db"
