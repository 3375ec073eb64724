"""ASL502 through fixtures: each assertion counts calls of an AsyncMock a fixture's patcher
made, and passes although the code under test never awaited the coroutine."""
import pytest

from app import service


@pytest.mark.asyncio
async def test_with_patch(patched_load):
    service.refresh("k")
    patched_load.assert_called_once_with("k")  # error: ASL502


@pytest.mark.asyncio
async def test_mocker_patch(mocked_load):
    service.refresh("k")
    mocked_load.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_started(started_load):
    service.refresh("k")
    assert started_load.call_count == 1  # error: ASL502


@pytest.mark.asyncio
async def test_patch_object_method(patched_fetch):
    service.save(service.Repo(), "k")
    patched_fetch.assert_called_once_with("k")  # error: ASL502


@pytest.mark.asyncio
async def test_patch_object_singleton(patched_send):
    service.notify({"a": 1})
    patched_send.assert_called_once()  # error: ASL502
