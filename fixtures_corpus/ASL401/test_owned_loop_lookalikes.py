"""Look-alikes of owned loops that still leak or shortcut the runner: closed only on the
happy path, closed only when something fails, the current loop closed but nothing
installed again, and an assertion about a value that is not a loop."""
import asyncio


async def fetch():
    return 1


def test_closed_on_the_happy_path_only():
    loop = asyncio.new_event_loop()
    assert loop.run_until_complete(fetch()) == 1  # error: ASL401
    loop.close()


def test_closed_only_on_failure():
    loop = asyncio.new_event_loop()
    try:
        assert loop.run_until_complete(fetch()) == 1  # error: ASL401
    except Exception:
        loop.close()
        raise


def test_current_loop_closed_not_replaced():
    loop = asyncio.get_event_loop()  # error: ASL401
    assert loop.run_until_complete(fetch()) == 1  # error: ASL401
    loop.close()


def test_asserts_a_result_not_a_loop():
    loop = asyncio.new_event_loop()  # error: ASL401
    result = loop.run_until_complete(fetch())  # error: ASL401
    assert result == 1
