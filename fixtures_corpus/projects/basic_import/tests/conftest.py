import pytest

from app import service


@pytest.fixture
def seeded():
    service.seed("color", "blue")  # error: ASL201
    yield
