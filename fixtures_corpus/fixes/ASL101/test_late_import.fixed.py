async def test_first():
    pass


import pytest  # noqa: E402  (imported late: a decorator above test_first would fail)


def test_second():
    assert pytest
