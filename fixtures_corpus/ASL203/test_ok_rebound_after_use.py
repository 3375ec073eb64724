import asyncio

import pytest


async def send(message):
    return message


def build(message):
    return message


@pytest.mark.asyncio
async def test_rebound_after_await():
    reply = send("first")
    assert await reply == "first"
    reply = send("second")
    assert await reply == "second"


@pytest.mark.asyncio
async def test_passed_on_before_rebinding():
    reply = send("first")
    task = asyncio.ensure_future(reply)
    reply = build("second")
    assert await task == "first"
    assert reply == "second"


@pytest.mark.asyncio
async def test_rebound_to_its_own_result():
    reply = send("first")
    reply = await reply
    assert reply == "first"


def make_pending():
    pending = send("first")
    return pending


@pytest.mark.asyncio
async def test_returned_by_a_helper():
    pending = make_pending()
    pending = await pending
    assert pending == "first"


@pytest.mark.asyncio
async def test_rebound_in_a_try():
    reply = send("first")
    try:
        reply = build(await reply)
    finally:
        pass
    assert reply == "first"
