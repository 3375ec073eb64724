# asynclint-test: anyio_mode=auto
import anyio


async def test_anyio_auto_mode_runs_unmarked_tests():
    await anyio.sleep(0)
