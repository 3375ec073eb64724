store = {}


async def save(key, value):
    store[key] = value


async def fetch(key):
    return store.get(key)


def test_save_then_read():
    save("a", 1)  # error: ASL201
    # The coroutine never ran, so nothing was stored.
    assert store.get("a") is None


def test_discarded_call_with_arguments():
    fetch(  # error: ASL201
        "a",
    )
