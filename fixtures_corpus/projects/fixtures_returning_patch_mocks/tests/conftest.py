"""Fixtures that hand their tests the mock a patcher made: ``with patch(...) as m: yield m``,
``return mocker.patch(...)``, ``patch(...).start()``, ``patch.object`` of a class method and of
a module singleton. For an ``async def`` target each is an AsyncMock."""
from unittest import mock
from unittest.mock import patch

import pytest

from app import service
from app.service import Repo


@pytest.fixture
def patched_load():
    with patch("app.service.load") as m:
        yield m


@pytest.fixture
def mocked_load(mocker):
    return mocker.patch("app.service.load")


@pytest.fixture
def started_load():
    m = mock.patch("app.service.load").start()
    yield m
    mock.patch.stopall()


@pytest.fixture
def patched_fetch():
    with patch.object(Repo, "fetch") as m:
        yield m


@pytest.fixture
def patched_send(mocker):
    return mocker.patch.object(service.client, "send")


@pytest.fixture
def patched_render():
    with patch("app.service.render") as m:
        yield m


@pytest.fixture
def patched_name():
    with patch.object(Repo, "name") as m:
        yield m
