import anyio
import pytest

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def test_covered_by_module_mark():
    await anyio.sleep(0)
