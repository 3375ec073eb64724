import pytest

from app.orders import OrderClient


@pytest.fixture
def client():
    return OrderClient()
