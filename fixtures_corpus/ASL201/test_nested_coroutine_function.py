import pytest


def test_nested_in_sync_test():
    calls = []

    async def notify():
        calls.append(1)

    notify()  # error: ASL201
    assert calls == []


@pytest.mark.asyncio
async def test_nested_in_async_test():
    async def cleanup():
        return None

    cleanup()  # error: ASL201
