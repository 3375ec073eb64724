import pytest

from app.clients import SyncClient


@pytest.fixture
def client():
    return SyncClient()


@pytest.fixture
def session():
    return SyncClient()
