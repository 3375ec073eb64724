"""Names known by their written type (a parameter or a local annotated with a class) and
names unpacked from a tuple (a literal, or what a function evidently returns: asyncio's
`open_connection` says `return reader, writer`) hold objects whose coroutine methods must be
awaited."""

import asyncio
from typing import Optional

import pytest


class Connection:
    async def execute(self, query):
        return query

    def close(self):
        pass


class Session:
    async def commit(self):
        pass


def make():
    return POOL[0]  # what it returns is not evident: the annotation below says it


POOL = [Connection()]


def open_pair() -> tuple[Connection, Session]:
    return Connection(), Session()


def run_query(conn: Connection):
    conn.execute("select 1")  # error: ASL201


async def commit_later(session: "Session", conn: Optional[Connection] = None):
    session.commit()  # error: ASL201
    if conn is not None:
        conn.execute("select 2")  # error: ASL201


@pytest.mark.asyncio
async def test_annotated_helpers():
    run_query(Connection())
    await commit_later(Session(), Connection())


@pytest.mark.asyncio
async def test_annotated_local():
    conn: Connection = make()
    conn.execute("select 3")  # error: ASL201


@pytest.mark.asyncio
async def test_unpacked_literal():
    conn, session = Connection(), Session()
    conn.execute("select 4")  # error: ASL201
    session.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_unpacked_from_annotated_factory():
    conn, session = open_pair()
    session.commit()  # error: ASL201
    conn.close()


@pytest.mark.asyncio
async def test_unpacked_streams():
    async def echo(reader, writer):
        writer.write(await reader.read(100))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"ping")
    writer.drain()  # error: ASL201
    writer.write_eof()
    reader.read()  # error: ASL201
    writer.close()
    server.close()
