import anyio


async def test_unmarked_in_file_marked_by_conftest_hook():
    await anyio.sleep(0)


class TestInClass:
    async def test_method(self):
        await anyio.sleep(0)
