"""A coroutine as an operand, unpacked, or handed to a builtin that uses its value: a TypeError
(or a wrong answer), and the coroutine never runs."""
import pytest


async def count():
    return 2


async def items():
    return [1, 2]


@pytest.mark.asyncio
async def test_arithmetic():
    with pytest.raises(TypeError):
        assert count() + 1 == 3  # error: ASL202
    with pytest.raises(TypeError):
        assert -count() == -2  # error: ASL202


@pytest.mark.asyncio
async def test_builtins_and_unpacking():
    with pytest.raises(TypeError):
        assert len(items()) == 2  # error: ASL202
    with pytest.raises(TypeError):
        assert [*items()] == [1, 2]  # error: ASL202
    assert str(count()).startswith("<coroutine")  # error: ASL202


@pytest.mark.asyncio
async def test_awaited_operands_are_fine():
    assert await count() + 1 == 3
    assert len(await items()) == 2
    assert [*(await items())] == [1, 2]
