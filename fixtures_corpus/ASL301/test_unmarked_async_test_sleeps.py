import time


async def test_blocking_sleep_in_unmarked_test():  # error: ASL101
    time.sleep(0)  # error: ASL301
