import asyncio

import pytest


async def save(item, *, flush=False):
    return item


class Repo:
    async def load(self):
        return []


@pytest.mark.asyncio
async def test_statements():
    save("a")
    save(
        "b",  # keep me
        flush=True,
    )
    if True:
        save("c");  save("d")
    with pytest.raises(ZeroDivisionError):
        1 / 0
        save("e")


@pytest.mark.asyncio
async def test_gather_and_methods():
    repo = Repo()
    repo.load()
    asyncio.gather(save(1), save(2))
