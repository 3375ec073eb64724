"""Look-alikes of annotated and unpacked names that stay silent: sync methods, a sync
subclass the function names, parametrized fakes, unions, starred and swapped unpacking,
and tuples whose element is not known."""

from typing import Union

import pytest


class Connection:
    async def execute(self, query):
        return query

    def close(self):
        pass


class FakeConnection(Connection):
    def execute(self, query):
        return query


class Cache:
    async def get(self, key):
        return key


def pair():
    return Connection(), make()


def make():
    return FakeConnection()


def close_it(conn: Connection):
    conn.close()


def run_fake(conn: Connection):
    assert isinstance(conn, FakeConnection)
    conn.execute("select 1")


def either(conn: Union[Connection, Cache]):
    conn.execute("select 2")


@pytest.mark.parametrize("conn", [FakeConnection()])
def test_parametrized_fake(conn: Connection):
    conn.execute("select 3")


@pytest.mark.asyncio
async def test_sync_and_awaited():
    close_it(Connection())
    run_fake(FakeConnection())
    either(FakeConnection())
    conn: Connection = Connection()
    await conn.execute("select 4")


@pytest.mark.asyncio
async def test_unpacking_look_alikes():
    first, *rest = Connection(), FakeConnection()
    await first.execute("select 5")
    for other in rest:
        other.execute("select 6")
    real, fake = pair()
    await real.execute("select 7")
    fake.execute("select 8")
    left, right = Connection(), FakeConnection()
    left, right = right, left
    left.execute("select 9")
    await right.execute("select 10")
