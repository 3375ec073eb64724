import asyncio
import socket
import urllib.request
from urllib.request import urlopen

import pytest
import requests
from requests import get as http_get


async def start_server():
    async def handle(reader, writer):
        await reader.read(100)
        writer.write(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.asyncio
async def test_urlopen_cannot_reach_the_server_it_blocks():
    server, port = await start_server()
    # The server runs on the event loop that urlopen is blocking: it never answers.
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=0.3)  # error: ASL302
    with pytest.raises(OSError):
        urlopen(f"http://127.0.0.1:{port}/", timeout=0.3)  # error: ASL302
    server.close()


@pytest.mark.asyncio
async def test_requests_cannot_reach_the_server_it_blocks():
    server, port = await start_server()
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(f"http://127.0.0.1:{port}/", timeout=0.3)  # error: ASL302
    with pytest.raises(requests.exceptions.ReadTimeout):
        http_get(f"http://127.0.0.1:{port}/", timeout=0.3)  # error: ASL302
    session = requests.Session()
    with pytest.raises(requests.exceptions.ReadTimeout):
        session.post(f"http://127.0.0.1:{port}/", timeout=0.3)  # error: ASL302
    server.close()


@pytest.mark.asyncio
async def test_create_connection_blocks():
    server, port = await start_server()
    connection = socket.create_connection(("127.0.0.1", port), timeout=0.3)  # error: ASL302
    connection.sendall(b"GET / HTTP/1.0\r\n\r\n")
    with pytest.raises(socket.timeout):
        connection.recv(100)
    connection.close()
    server.close()
