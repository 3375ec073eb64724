"""Project subclasses of sync clients (`requests.Session`, `httpx.Client`) block like the
library classes they take their methods from."""

import asyncio

import httpx
import pytest
import requests


class ApiSession(requests.Session):
    def url(self, path):
        return "http://127.0.0.1" + path


class Api(httpx.Client):
    pass


class RetryingApi(Api):
    pass


async def start_server():
    async def handle(reader, writer):
        await reader.read(100)
        writer.write(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.asyncio
async def test_session_subclass_cannot_reach_the_server_it_blocks():
    server, port = await start_server()
    session = ApiSession()
    with pytest.raises(requests.exceptions.ReadTimeout):
        session.get(f"http://127.0.0.1:{port}/", timeout=0.3)  # error: ASL302
    server.close()


@pytest.mark.asyncio
async def test_client_subclasses_cannot_reach_the_server_they_block():
    server, port = await start_server()
    with pytest.raises(httpx.ReadTimeout):
        Api(timeout=0.3).get(f"http://127.0.0.1:{port}/")  # error: ASL302
    client = RetryingApi(timeout=0.3)
    with pytest.raises(httpx.ReadTimeout):
        client.post(f"http://127.0.0.1:{port}/")  # error: ASL302
    server.close()
