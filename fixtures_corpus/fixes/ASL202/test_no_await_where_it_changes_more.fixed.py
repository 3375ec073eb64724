"""Reported, never fixed: an ``await`` would turn the generator expression into an async
generator, and would change the label an f-string ``{...=}`` field prints."""
import pytest


async def is_down(host):
    return False


async def num():
    return 5


@pytest.mark.asyncio
async def test_generator_expression():
    assert all(not is_down(h) for h in ["a", "b"])


@pytest.mark.asyncio
async def test_fstring_label():
    assert f"{num()=}"
