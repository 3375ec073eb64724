import asyncio

import pytest


async def save(item, *, flush=False):
    return item


class Repo:
    async def load(self):
        return []


@pytest.mark.asyncio
async def test_statements():
    await save("a")
    await save(
        "b",  # keep me
        flush=True,
    )
    if True:
        await save("c");  await save("d")
    with pytest.raises(ZeroDivisionError):
        1 / 0
        await save("e")


@pytest.mark.asyncio
async def test_gather_and_methods():
    repo = Repo()
    await repo.load()
    await asyncio.gather(save(1), save(2))
