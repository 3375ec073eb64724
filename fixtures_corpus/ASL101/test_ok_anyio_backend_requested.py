import pytest


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def test_runs_under_anyio(anyio_backend):
    # anyio's plugin runs any coroutine test that requests the anyio_backend fixture.
    assert anyio_backend == "asyncio"


@pytest.mark.usefixtures("anyio_backend")
async def test_runs_under_anyio_via_usefixtures():
    assert True
