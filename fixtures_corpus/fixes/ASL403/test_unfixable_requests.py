"""No fix: sync code, a nested function, `usefixtures` and a rebound name need a person."""
import pytest


def test_sync(event_loop):
    assert event_loop is not None


@pytest.mark.asyncio
async def test_nested(event_loop):
    def later():
        return event_loop.time()

    assert later() >= 0


@pytest.mark.asyncio
@pytest.mark.usefixtures("event_loop")
async def test_usefixtures():
    assert True


@pytest.mark.asyncio
async def test_rebound(event_loop):
    event_loop = None
    assert event_loop is None


@pytest.mark.asyncio
async def test_commented_parameter(
    tmp_path,
    event_loop,  # dropping it would leave this comment beside another parameter
):
    assert event_loop.time() >= 0
