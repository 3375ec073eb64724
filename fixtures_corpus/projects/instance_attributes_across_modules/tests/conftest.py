import asyncio
from unittest.mock import create_autospec

import pytest
import pytest_asyncio

from app.broker import Billing, Broker, Context, Gateway, Protocol
from app.db import SessionLocal

fixture = pytest.fixture


@pytest.fixture
def ctx() -> Context:
    return Context(gateway=Gateway())


@pytest.fixture
def gateway(ctx):
    return ctx.gateway


@pytest.fixture
def billing(ctx) -> Billing:
    return Billing(ctx)


@pytest.fixture
def proto():
    return create_autospec(Protocol, instance=True)


@pytest_asyncio.fixture
async def running_loop():
    return asyncio.get_running_loop()


@pytest_asyncio.fixture
async def broker():
    made = Broker()
    made.loop = asyncio.get_running_loop()
    return made


@fixture  # error: ASL102
async def keys():
    return ["kid-1"]


@fixture
def names():
    return ["alice"]


@pytest.fixture
def session_factory():
    return SessionLocal


@pytest_asyncio.fixture
async def db_session(session_factory):
    async with session_factory() as session:
        yield session


@pytest.fixture
def make_row():
    def row():
        return {"id": 1}

    return row
