import pytest


def test_db(db):  # error: ASL109
    assert db == "db"


def test_cache(cache):
    assert cache == "cache"


def test_queue(queue):  # error: ASL109
    assert queue == "queue"


def test_session(session):  # error: ASL109
    assert session == "session"


@pytest.mark.asyncio
async def test_cache_from_a_coroutine(cache):
    assert cache == "cache"
