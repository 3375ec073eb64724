# Valid Python 3.10 syntax that a naive parser might trip over: nothing to report.
import contextlib

import pytest


def classify(point):
    match point:
        case (0, 0):
            return "origin"
        case (x, 0) | (0, x):
            return f"axis {x}"
        case {"x": x, "y": y, **rest} if not rest:
            return f"dict {x},{y}"
        case _:
            return "other"


def positional_only(a, b, /, c, *, d):
    return a + b + c + d


def test_match_statement():
    assert classify((0, 0)) == "origin"
    assert classify((3, 0)) == "axis 3"
    assert classify({"x": 1, "y": 2}) == "dict 1,2"


def test_soft_keywords_as_names():
    match = 1
    case = 2
    _ = match + case
    type = "still a name"
    assert type.startswith("still")


def test_walrus_and_signature():
    if (n := positional_only(1, 2, 3, d=4)) > 5:
        assert n == 10


def test_parenthesized_context_managers():
    with (
        contextlib.nullcontext(1) as one,
        contextlib.nullcontext(2) as two,
    ):
        assert one + two == 3


@pytest.mark.asyncio
async def test_async_comprehensions():
    async def numbers():
        for i in range(3):
            yield i

    assert [i async for i in numbers()] == [0, 1, 2]
    async with contextlib.AsyncExitStack() as stack:
        assert stack is not None
