import pytest


@pytest.fixture
def requests():
    return {"pending": 1}


@pytest.mark.asyncio
async def test_parameter_shadows_the_library(requests):
    # `requests` is the fixture here, not the HTTP library.
    assert requests.get("pending") == 1
