import pytest

events = []


async def record(name):
    events.append(name)


@pytest.mark.asyncio
async def test_forgot_await():
    record("started")  # error: ASL201
    await record("finished")
    assert events == ["finished"]


@pytest.mark.asyncio
async def test_in_blocks():
    for name in ("a", "b"):
        record(name)  # error: ASL201
    if events:
        record("non-empty")  # error: ASL201
    try:
        record("in try")  # error: ASL201
    finally:
        record("in finally")  # error: ASL201
