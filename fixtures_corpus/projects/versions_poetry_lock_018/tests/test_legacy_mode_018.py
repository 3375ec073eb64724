import pytest


@pytest.fixture
async def plain():
    # pytest-asyncio 0.18 defaults to legacy mode, which runs every async fixture.
    return 1


def test_sync_requester(plain):
    assert plain == 1


@pytest.mark.asyncio
async def test_async_requester(plain):
    assert plain == 1


async def test_unmarked_is_not_run_in_legacy_mode():  # error: ASL101
    # Legacy mode handles unmarked async fixtures, not unmarked tests.
    assert True
