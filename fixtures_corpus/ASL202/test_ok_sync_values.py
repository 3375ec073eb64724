import pytest


def ready():
    return True


def rows():
    return [1, 2, 3]


def test_sync_calls_in_value_positions():
    assert ready()
    assert not rows() == []
    assert rows()[0] == 1
    assert f"{rows()}" == "[1, 2, 3]"
    if ready():
        for row in rows():
            assert row


@pytest.mark.asyncio
async def test_sync_calls_inside_async_test():
    assert ready()
    assert rows()[-1] == 3
