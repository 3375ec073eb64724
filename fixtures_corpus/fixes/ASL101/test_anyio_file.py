"""This file's tests run on anyio's plugin: the missing mark is anyio's, not pytest-asyncio's."""
import pytest


@pytest.mark.anyio
async def test_marked():
    assert True


async def test_forgotten():
    assert True
