import pytest

from app.db import Container, Registry, Repository, pipe


@pytest.mark.asyncio
async def test_session_from_a_called_factory(Session):
    async with Session() as session:
        session.execute(1)  # error: ASL201
        session.add(2)
        assert session.rows == [2]


@pytest.mark.asyncio
async def test_commit_checked_without_await(Session):
    async with Session() as session:
        assert session.commit()  # error: ASL202


@pytest.mark.asyncio
async def test_channel_read_from_a_registry():
    registry = Registry()
    registry["ops"].publish("disk full")  # error: ASL201
    assert registry["ops"].render("x") == "#x"


@pytest.mark.asyncio
async def test_instance_from_a_container():
    repository = Container().get(Repository)
    repository.save("a")  # error: ASL201
    assert await repository.save("b") == "b"


@pytest.mark.asyncio
async def test_connection_a_fixture_acquires(conn):
    conn.fetch("select 1")  # error: ASL201
    assert conn.prepare(" select 2 ") == "select 2"


@pytest.mark.asyncio
async def test_ends_of_a_generic_pipe():
    send, receive = pipe[int]()
    send.send(1)  # error: ASL201
    send.send_nowait(2)
    assert receive.receive_nowait() == 2
