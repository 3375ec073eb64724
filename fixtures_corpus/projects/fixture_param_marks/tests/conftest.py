import pytest


# pytest puts the marks of ``pytest.param(..., marks=...)`` on every test that requests
# the fixture (asgi-lifespan runs its whole suite this way).
@pytest.fixture(params=[pytest.param("asyncio", marks=pytest.mark.asyncio)])
def concurrency(request):
    return request.param


@pytest.fixture
def backend(concurrency):
    return concurrency


@pytest.fixture(params=["sqlite", "postgres"])
def database(request):
    return request.param
