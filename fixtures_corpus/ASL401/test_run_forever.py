import asyncio


def test_run_forever_until_stopped():
    loop = asyncio.new_event_loop()  # error: ASL401
    calls = []
    loop.call_soon(calls.append, "called")
    loop.call_soon(loop.stop)
    try:
        loop.run_forever()  # error: ASL401
    finally:
        loop.close()
    assert calls == ["called"]
