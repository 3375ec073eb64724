import asyncio
import inspect


class TestWithInit:
    # pytest does not collect a class with __init__ (it warns), so this is not a test.
    def __init__(self):
        self.value = 1

    async def test_not_collected(self):
        await asyncio.sleep(0)


class Helpers:
    # Not a Test* class: not collected.
    async def test_not_collected_either(self):
        await asyncio.sleep(0)


def test_defines_local_coroutine():
    async def test_inner():
        await asyncio.sleep(0)

    assert inspect.iscoroutinefunction(test_inner)
