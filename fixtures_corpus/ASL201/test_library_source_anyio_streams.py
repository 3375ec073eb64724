"""anyio's memory object streams, known from its source: ``create_memory_object_stream[int](n)``
constructs a class whose ``__new__`` returns the two ends; their ``send``/``aclose`` are
``async def``, ``send_nowait``/``close`` are not."""

import anyio
import pytest


@pytest.mark.anyio
async def test_stream_ends_not_awaited():
    send, receive = anyio.create_memory_object_stream[int](1)
    send.send(5)  # error: ASL201
    send.send_nowait(6)
    assert receive.receive_nowait() == 6
    send.aclose()  # error: ASL201
    receive.close()


@pytest.fixture
def anyio_backend():
    return "asyncio"
