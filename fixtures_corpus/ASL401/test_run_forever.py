"""A test whose subject is the loop API itself (call_soon, stop, run_forever) drives the
loop on purpose: that is not managing one instead of the runner."""
import asyncio


def test_run_forever_until_stopped():
    loop = asyncio.new_event_loop()
    calls = []
    loop.call_soon(calls.append, "called")
    loop.call_soon(loop.stop)
    try:
        loop.run_forever()
    finally:
        loop.close()
    assert calls == ["called"]


def test_loop_api_with_the_current_loop():
    loop = asyncio.get_event_loop()  # error: ASL401
    loop.call_soon(loop.stop)
    loop.run_forever()
