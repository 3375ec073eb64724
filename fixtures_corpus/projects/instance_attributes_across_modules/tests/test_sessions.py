import pytest


@pytest.mark.asyncio
async def test_commit_forgotten(db_session):
    db_session.add({"id": 1})
    db_session.commit()  # error: ASL201


@pytest.mark.asyncio
async def test_commit_awaited(db_session, make_row):
    db_session.add(make_row())
    await db_session.commit()


@pytest.mark.asyncio
async def test_factory_by_hand(session_factory):
    async with session_factory() as session:
        await session.commit()
