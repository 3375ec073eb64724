# asynclint-test: trio_mode=true
# Needs pytest-trio to run: trio_mode = true makes it run every async test.
import trio


async def test_trio_mode_runs_unmarked_tests():
    await trio.sleep(0)
