# Unusual but valid layout: backslash continuations, semicolons, nested f-strings,
# a trailing comment without newline at the end of the file.
import pytest

TOTAL = 1 + \
    2 + \
    3


def test_continuations():
    a = 1; b = 2
    assert a + b == TOTAL - 3
    name = "x"
    assert f"{name!r:>{len(name) + 3}}" == " 'x'"
    assert f"{'nested'}" == "nested"


@pytest.mark.asyncio
async def test_dict_comprehension_in_async_test():
    values = {k: v for k, v in zip("ab", (1, 2))}
    assert values == {"a": 1, "b": 2}
# no newline at end of file