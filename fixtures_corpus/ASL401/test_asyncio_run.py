import asyncio
import asyncio as aio
from asyncio import run


async def fetch():
    return 1


def test_asyncio_run():
    assert asyncio.run(fetch()) == 1  # error: ASL401


def test_aliased_module():
    assert aio.run(fetch()) == 1  # error: ASL401


def test_imported_name():
    assert run(fetch()) == 1  # error: ASL401


class TestInClass:
    def test_method(self):
        result = asyncio.run(  # error: ASL401
            fetch()
        )
        assert result == 1
