"""This file's tests run on anyio's plugin: the rewritten test gets the anyio mark."""
import asyncio

import pytest


async def fetch(value=1):
    return value


@pytest.mark.anyio
async def test_already_async():
    assert await fetch() == 1


@pytest.mark.anyio
async def test_hand_driven():
    assert await fetch(2) == 2
