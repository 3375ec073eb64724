import asyncio

import pytest


async def send(message):
    return message


def build(message):
    return message


@pytest.mark.asyncio
async def test_replaced_by_a_plain_value():
    reply = send("first")  # error: ASL203
    reply = build("second")
    assert reply == "second"


@pytest.mark.asyncio
async def test_replaced_by_another_coroutine():
    reply = send("first")  # error: ASL203
    print("between")
    reply = send("second")
    assert await reply == "second"


@pytest.mark.asyncio
async def test_replaced_inside_a_branch():
    if True:
        pending = send("first")  # error: ASL203
        pending = asyncio.sleep(0, result="second")
        assert await pending == "second"
