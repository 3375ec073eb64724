# twin_fetch_async: fetch is a coroutine function.
async def fetch(key):
    return {"answer": 42}.get(key)


async def answer():
    return await fetch("answer")
