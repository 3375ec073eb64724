import asyncio

import pytest


async def send(message):
    return message


class Mailer:
    async def deliver(self, to):
        return to


@pytest.mark.asyncio
async def test_result_only_checked():
    result = send("hi")  # error: ASL203
    assert result


@pytest.mark.asyncio
async def test_never_used():
    pending = send("hi")  # error: ASL203


@pytest.mark.asyncio
async def test_method_on_local_instance():
    mailer = Mailer()
    receipt = mailer.deliver("a@b")  # error: ASL203
    print("sent")


@pytest.mark.asyncio
async def test_gathered_but_dropped():
    both = asyncio.gather(send("a"), send("b"))  # error: ASL203
    assert both is not None


def test_sync_function_stores_coroutine():
    coro = send("x")  # error: ASL203
