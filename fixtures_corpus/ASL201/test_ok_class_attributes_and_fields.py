"""Look-alikes of class attributes and fields that stay silent: sync methods, an attribute a
test replaces with a fake and a value that is not a call."""

from dataclasses import dataclass

import pytest


class Connection:
    async def execute(self, query):
        return query

    def close(self):
        pass


class FakeConnection:
    def execute(self, query):
        return query


class Settings:
    conn = Connection()
    swapped = Connection()
    factory = Connection


@dataclass
class Context:
    conn: Connection


@pytest.mark.asyncio
async def test_sync_methods_and_awaited():
    Settings.conn.close()
    await Settings().conn.execute("select 1")
    Context(Connection()).conn.close()


@pytest.mark.asyncio
async def test_replaced_by_a_fake():
    settings = Settings()
    settings.swapped = FakeConnection()
    settings.swapped.execute("select 2")


@pytest.mark.asyncio
async def test_not_an_instance():
    await Settings.factory().execute("select 3")
    Settings.factory.close(Connection())
