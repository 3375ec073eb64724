import pytest


def test_db_is_overridden(db):
    assert db == "sync db"


def test_session_still_async(session):  # error: ASL109
    assert session == "session"


@pytest.mark.asyncio
async def test_overridden_db_in_a_coroutine(db):
    assert db == "sync db"
