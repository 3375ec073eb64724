import anyio
import pytest


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.mark.anyio
async def test_function_mark():
    await anyio.sleep(0)


@pytest.mark.anyio
class TestClassDecorator:
    async def test_method(self):
        await anyio.sleep(0)


class TestClassPytestmark:
    pytestmark = pytest.mark.anyio

    async def test_method(self):
        await anyio.sleep(0)
