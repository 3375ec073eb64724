"""The same protocols used right, and look-alikes whose values are not what they seem."""

import pytest

from app.db import Container, Registry, pipe


class FakeRepository:
    def save(self, item: str) -> str:
        return item


class LooseRegistry:
    def __init__(self) -> None:
        self._items: dict[str, object] = {}

    def __getitem__(self, name: str):
        return self._items[name]


class Lookup:
    def get(self, name: str):
        return FakeRepository()


@pytest.mark.asyncio
async def test_session_awaited(Session):
    async with Session() as session:
        assert await session.execute(1) == [1]
        assert await session.commit()


@pytest.mark.asyncio
async def test_registry_awaited():
    registry = Registry()
    assert await registry["ops"].publish("x") == "x"


@pytest.mark.asyncio
async def test_container_hands_out_the_class_it_is_given():
    fake = Container().get(FakeRepository)
    assert fake.save("a") == "a"


@pytest.mark.asyncio
async def test_untyped_lookups():
    loose = LooseRegistry()
    loose._items["r"] = FakeRepository()
    loose["r"].save("a")
    Lookup().get("r").save("b")


@pytest.mark.asyncio
async def test_connection_awaited(conn):
    assert await conn.fetch("q") == ["q"]


@pytest.mark.asyncio
async def test_pipe_awaited():
    send, receive = pipe[int]()
    await send.send(1)
    assert receive.receive_nowait() == 1
