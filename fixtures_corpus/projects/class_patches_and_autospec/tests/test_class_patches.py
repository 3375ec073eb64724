"""A sync Mock put on the instances a class patch stands in for (``R.return_value.fetch``)
replaces ``Repo.fetch``, an ``async def``: the code under test's ``await Repo().fetch()``
raises TypeError. Autospecced mocks follow the class: their ``fetch`` is an AsyncMock, and
``assert_called*`` on it passes although the coroutine was never awaited."""
from unittest.mock import Mock, create_autospec, patch

import pytest

from app import service
from app.service import Repo


@pytest.mark.asyncio
async def test_patch_class_return_value():
    with patch("app.service.Repo") as repo_cls:
        repo_cls.return_value.fetch = Mock(return_value=1)  # error: ASL501
        assert await service.lookup("k") == 1


@pytest.mark.asyncio
async def test_patch_object_class_return_value():
    with patch.object(service, "Repo") as repo_cls:
        instance = repo_cls.return_value
        instance.fetch = Mock(return_value=1)  # error: ASL501
        assert await service.lookup("k") == 1


@pytest.mark.asyncio
async def test_patch_object_on_the_stand_in():
    with patch("app.service.Repo") as repo_cls:
        with patch.object(repo_cls.return_value, "fetch", Mock(return_value=1)):  # error: ASL501
            assert await service.lookup("k") == 1


@pytest.mark.asyncio
async def test_mocker_patch_class(mocker):
    repo_cls = mocker.patch("app.service.Repo")
    repo_cls.return_value.fetch = mocker.Mock(return_value=1)  # error: ASL501
    assert await service.lookup("k") == 1


@pytest.mark.asyncio
async def test_class_patch_from_fixture(repo_class):
    repo_class.return_value.fetch = Mock(return_value=1)  # error: ASL501
    assert await service.lookup("k") == 1


@pytest.mark.asyncio
async def test_autospec_instance():
    repo = create_autospec(Repo, instance=True)
    service.forget(repo, "k")
    repo.fetch.assert_called_once_with("k")  # error: ASL502


@pytest.mark.asyncio
async def test_patch_autospec_class():
    with patch("app.service.Repo", autospec=True) as repo_cls:
        service.forget(repo_cls.return_value, "k")
        repo_cls.return_value.fetch.assert_called_once()  # error: ASL502


@pytest.mark.asyncio
async def test_autospec_class_called():
    repo_cls = create_autospec(Repo)
    repo = repo_cls()
    service.forget(repo, "k")
    repo.fetch.assert_called_once_with("k")  # error: ASL502
    service.forget(repo_cls.return_value, "k")
    repo_cls.return_value.fetch.assert_called_with("k")  # error: ASL502
