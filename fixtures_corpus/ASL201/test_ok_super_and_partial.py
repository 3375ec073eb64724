"""Look-alikes of `super()` and `partial` calls that stay silent: a sync base method, a class
with two bases (the next class in the MRO decides), a partial of a sync function, awaited
calls."""

import functools

import pytest


class Base:
    def save(self, item):
        return item

    async def load(self, key):
        return key


class Mixin:
    def load(self, key):
        return key


class Child(Base):
    def save(self, item):
        super().save(item)
        return item

    async def load(self, key):
        return await super().load(key)


class Mixed(Mixin, Base):
    def load(self, key):
        super().load(key)
        return key


def compute(key, factor):
    return key * factor


@pytest.mark.asyncio
async def test_sync_look_alikes():
    Child().save("a")
    await Child().load("b")
    Mixed().load("c")
    double = functools.partial(compute, factor=2)
    double(3)
    fetch = functools.partial(Base().load, "d")
    assert await fetch() == "d"
