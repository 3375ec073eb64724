# twin_b: the same names, but fetch is a plain function.
def fetch(key):
    return {"answer": 42}.get(key)


async def answer():
    return fetch("answer")
