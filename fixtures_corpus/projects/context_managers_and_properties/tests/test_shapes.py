"""async with, @asynccontextmanager, properties, annotated returns and rebound functions
hand back objects whose coroutine methods must be awaited."""
import pytest

from app.db import Pool, Repo, SessionMaker, fetch, session_scope


@pytest.mark.asyncio
async def test_async_with_self():
    async with SessionMaker() as s:
        s.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_pool_acquire():
    async with Pool().acquire() as conn:
        conn.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_asynccontextmanager():
    async with session_scope() as s:
        s.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_property():
    Repo().session.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_annotated_return():
    Repo().get_session().commit()  # error: ASL201





@pytest.mark.asyncio
async def test_rebound():
    f = fetch
    f(1)  # error: ASL201



@pytest.mark.asyncio
async def test_singleton_reexported():
    from app import SESSION

    SESSION.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_partial():
    from app.db import fetch_one

    fetch_one()  # error: ASL201
