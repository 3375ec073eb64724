"""Look-alikes that stay silent: awaited asserts, patches of a sync function and of a sync
method, and "never called" checks."""
import pytest

from app import service


@pytest.mark.asyncio
async def test_awaited(patched_load):
    await service.load("k")
    patched_load.assert_awaited_once_with("k")


@pytest.mark.asyncio
async def test_awaited_mocker(mocked_load):
    await service.load("k")
    mocked_load.assert_awaited_once()


@pytest.mark.asyncio
async def test_sync_function(patched_render):
    service.render("k")
    patched_render.assert_called_once_with("k")


@pytest.mark.asyncio
async def test_sync_method(patched_name):
    service.Repo().name()
    patched_name.assert_called_once()


@pytest.mark.asyncio
async def test_never_called(started_load, patched_fetch):
    assert started_load.call_count == 0
    patched_fetch.assert_not_called()
