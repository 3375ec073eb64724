"""unittest's value assertions given a coroutine instead of its result: `assertTrue` and
`assertIsNotNone` pass whatever the coroutine would return, `assertEqual` compares a
coroutine object. Other arguments (messages, expected values) and awaited calls are fine."""

import unittest


async def is_ready() -> bool:
    return False


async def status() -> str:
    return "down"


class HealthTest(unittest.IsolatedAsyncioTestCase):
    async def test_ready_passes_without_running(self):
        self.assertTrue(is_ready())  # error: ASL202

    async def test_not_none(self):
        self.assertIsNotNone(status())  # error: ASL202

    async def test_equal(self):
        self.assertNotEqual(status(), "up")  # error: ASL202

    async def test_awaited(self):
        self.assertFalse(await is_ready())
        self.assertEqual(await status(), "down")

    async def test_message_is_not_checked(self):
        self.assertEqual("down", await status(), msg=str(await status()))
