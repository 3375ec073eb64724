import pytest


async def parse(text):
    if not text:
        raise ValueError("empty")
    return text


def test_raises_in_sync_test():
    # The coroutine never runs, so nothing is raised: pytest.raises fails with DID NOT RAISE.
    with pytest.raises(ValueError):
        parse("")  # error: ASL201


@pytest.mark.asyncio
async def test_raises_in_async_test():
    with pytest.raises(ValueError, match="empty"):
        parse("")  # error: ASL201
