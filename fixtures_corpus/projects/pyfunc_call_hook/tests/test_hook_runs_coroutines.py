import asyncio


async def compute():
    await asyncio.sleep(0)
    return 42


async def test_unmarked_but_run_by_conftest_hook():
    assert await compute() == 42


async def test_with_fixture(tmp_path):
    assert tmp_path.exists()
    assert await compute() == 42


class TestInClass:
    async def test_method(self):
        assert await compute() == 42
