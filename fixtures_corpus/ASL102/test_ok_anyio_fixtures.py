import anyio
import pytest


# anyio's plugin runs plain async fixtures for the tests it runs.
@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def stream():
    send, receive = anyio.create_memory_object_stream(1)
    yield send, receive
    await send.aclose()
    await receive.aclose()


@pytest.mark.anyio
async def test_stream(stream):
    send, receive = stream
    await send.send(1)
    assert await receive.receive() == 1
