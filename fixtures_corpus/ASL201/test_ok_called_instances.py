"""Instances whose ``__call__`` is a plain ``def``, and calls of results nothing describes."""

import pytest


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> int:
        self.count += 1
        return self.count


def make_counter() -> Counter:
    return Counter()


def make_anything(kind):
    return {"counter": Counter}[kind]


@pytest.mark.asyncio
async def test_sync_call_protocol():
    assert make_counter()() == 1
    counter = Counter()
    counter()
    assert make_anything("counter")()() == 1
