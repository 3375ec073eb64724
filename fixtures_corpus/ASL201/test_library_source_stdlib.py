"""Standard-library classes known from their source (no table lists them): `async def` methods
of asyncio's locks, queues and streams, also through a project subclass and a fixture's
annotated return type."""

import asyncio
import _asyncio

import pytest
import pytest_asyncio


class JobQueue(asyncio.Queue):
    def pending(self):
        return self.qsize()


@pytest_asyncio.fixture
async def writer() -> asyncio.StreamWriter:
    _, stream = await asyncio.open_connection("localhost", 8080)
    return stream


@pytest.mark.asyncio
async def test_lock_and_queue():
    lock = asyncio.Lock()
    lock.acquire()  # error: ASL201
    queue = asyncio.Queue()
    queue.get()  # error: ASL201
    event = asyncio.Event()
    event.wait()  # error: ASL201


@pytest.mark.asyncio
async def test_project_subclass():
    jobs = JobQueue()
    jobs.put(1)  # error: ASL201
    jobs.pending()


@pytest.mark.asyncio
async def test_stream_writer(writer):
    writer.write(b"ping")
    writer.drain()  # error: ASL201


@pytest.mark.asyncio
async def test_ok_sync_methods():
    queue = asyncio.Queue()
    queue.put_nowait(1)
    queue.get_nowait()
    event = asyncio.Event()
    event.set()
    asyncio.Lock().locked()


@pytest.mark.asyncio
async def test_ok_compiled_module_stays_unknown():
    _asyncio.get_running_loop()
