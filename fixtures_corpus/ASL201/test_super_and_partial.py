"""`super().method()` of a coroutine method in the one base class, and a local
`functools.partial` of a coroutine function: calling either creates a coroutine."""

import functools
from functools import partial

import pytest


class Repository:
    async def save(self, item):
        return item


class AuditedRepository(Repository):
    async def save(self, item):
        super().save(item)  # error: ASL201
        return item


async def fetch(key, retries):
    return key


@pytest.mark.asyncio
async def test_super_call():
    assert await AuditedRepository().save("a") == "a"


@pytest.mark.asyncio
async def test_local_partials():
    fetch_twice = functools.partial(fetch, retries=2)
    fetch_twice("a")  # error: ASL201
    save = partial(Repository().save, "b")
    save()  # error: ASL201
