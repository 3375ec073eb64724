import asyncio


async def fetch(value=1):
    return value


def test_loop_used_otherwise():
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    assert loop.run_until_complete(fetch()) == 1
    loop.close()


def test_run_in_lambda():
    run = lambda: asyncio.run(fetch())
    assert run() == 1


def test_run_forever():
    loop = asyncio.new_event_loop()
    loop.call_soon(loop.stop)
    loop.run_forever()
    loop.close()


def test_extra_arguments():
    assert asyncio.run(fetch(), debug=True) == 1
