"""Look-alikes that stay silent: sync methods of a patched class, AsyncMocks on the
stand-in, a plain (not autospecced) class patch whose children are MagicMocks, and awaited
asserts on autospecced mocks."""
from unittest.mock import AsyncMock, Mock, create_autospec, patch

import pytest

from app import service
from app.service import Repo


@pytest.mark.asyncio
async def test_sync_method_of_patched_class():
    with patch("app.service.Repo") as repo_cls:
        repo_cls.return_value.name = Mock(return_value="mocked")
        assert service.label() == "mocked"


@pytest.mark.asyncio
async def test_async_mock_on_the_stand_in():
    with patch("app.service.Repo") as repo_cls:
        repo_cls.return_value.fetch = AsyncMock(return_value=1)
        assert await service.lookup("k") == 1


@pytest.mark.asyncio
async def test_plain_class_patch_children_are_magic_mocks():
    with patch("app.service.Repo") as repo_cls:
        service.forget(repo_cls.return_value, "k")
        repo_cls.return_value.fetch.assert_called_once_with("k")


@pytest.mark.asyncio
async def test_autospec_awaited():
    repo = create_autospec(Repo, instance=True)
    await repo.fetch("k")
    repo.fetch.assert_awaited_once_with("k")
    repo.name()
    repo.name.assert_called_once()


@pytest.mark.asyncio
async def test_autospec_class_sync_method():
    repo_cls = create_autospec(Repo)
    repo = repo_cls()
    repo.name()
    repo.name.assert_called_once()
    await repo.fetch("k")
    repo_cls.return_value.fetch.assert_awaited_once_with("k")
