"""A decorator whose async wrapper is itself wrapped by a loop-running harness returns a plain
function: calling the decorated helper runs it to completion (asyncssh's ``@sftp_test``)."""
import asyncio
import functools
import unittest


def asynctest(coro):
    @functools.wraps(coro)
    def async_wrapper(self, *args, **kwargs):
        return self.loop.run_until_complete(coro(self, *args, **kwargs))

    return async_wrapper


def with_session(func):
    @asynctest
    @functools.wraps(func)
    async def wrapper(self):
        await func(self, "session")

    return wrapper


class TestHarness(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.new_event_loop()  # closed by the cleanup: the harness owns it
        self.addCleanup(self.loop.close)

    @with_session
    async def _dummy_client(self, session):
        self.assertEqual(session, "session")

    def test_runs_helper(self):
        self._dummy_client()
