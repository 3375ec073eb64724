import functools


def run_sync(fn):
    # A harness: the wrapper is a plain function that drives the coroutine itself,
    # so pytest sees a sync test.
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        coro = fn(*args, **kwargs)
        try:
            coro.send(None)
        except StopIteration as stop:
            return stop.value
        coro.close()
        raise RuntimeError("the coroutine suspended; run_sync only drives non-suspending code")

    return wrapper


async def compute():
    return 42


@run_sync
async def test_driven_by_harness():
    assert await compute() == 42


@run_sync
async def test_driven_by_harness_with_fixture(tmp_path):
    assert tmp_path.exists()
    assert await compute() == 42
