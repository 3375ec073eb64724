"""Class-body attributes hold objects too: `pool = Pool()` on a class (read on the class, an
instance or `self`), dataclass fields by their type (`conn: Connection`, also with
`field(default_factory=...)`)."""

from dataclasses import dataclass, field

import pytest


class Connection:
    async def execute(self, query):
        return query


class Pool:
    async def close(self):
        pass


class Settings:
    pool = Pool()


@dataclass
class Context:
    conn: Connection
    extra: Connection = field(default_factory=Connection)


class TestWithSharedPool:
    pool = Pool()

    @pytest.mark.asyncio
    async def test_self_attribute(self):
        self.pool.close()  # error: ASL201


@pytest.mark.asyncio
async def test_class_attribute():
    Settings.pool.close()  # error: ASL201
    Settings().pool.close()  # error: ASL201


@pytest.mark.asyncio
async def test_dataclass_fields():
    ctx = Context(Connection())
    ctx.conn.execute("select 1")  # error: ASL201
    ctx.extra.execute("select 2")  # error: ASL201
