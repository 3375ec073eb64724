# twin_fetch_sync: the same names, but fetch is a plain function.
def fetch(key):
    return {"answer": 42}.get(key)


async def answer():
    return fetch("answer")
