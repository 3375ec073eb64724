async def fetch(key):
    return {"answer": 42}.get(key)


def describe(key):
    return f"key {key}"
