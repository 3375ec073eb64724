"""A module-level session maker, made in a package's __init__ and imported from it: calling
it gives a session, whose commit is a coroutine."""

import pytest

from app import db
from app.db import SessionLocal


@pytest.mark.asyncio
async def test_commit_forgotten():
    async with SessionLocal() as session:
        session.add("row")
        session.commit()  # error: ASL201
        assert session.pending == ["row"]


@pytest.mark.asyncio
async def test_commit_forgotten_through_the_package():
    async with db.SessionLocal() as session:
        session.add("row")
        session.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_commit_awaited():
    async with SessionLocal() as session:
        session.add("row")
        await session.commit()
        assert session.pending == []
