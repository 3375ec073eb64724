"""A test that mocks the scheduler too (asyncio.create_task / ensure_future, in its body, an
ExitStack or a decorator) catches the coroutine the replaced async method would return: it is
never awaited, so a sync Mock is the right stand-in (an AsyncMock would leave a coroutine
nobody awaits)."""
import asyncio
import contextlib
from unittest import mock

import pytest


class Shard:
    def __init__(self):
        self.heartbeat_task = None

    async def _heartbeat(self):
        await asyncio.sleep(3600)

    async def start(self):
        self.heartbeat_task = asyncio.create_task(self._heartbeat())

    async def restart(self):
        self.heartbeat_task = asyncio.ensure_future(self._heartbeat())


@pytest.mark.asyncio
async def test_start_schedules_the_heartbeat():
    shard = Shard()
    stack = contextlib.ExitStack()
    create_task = stack.enter_context(mock.patch.object(asyncio, "create_task"))
    heartbeat = stack.enter_context(mock.patch.object(Shard, "_heartbeat", new=mock.Mock()))
    with stack:
        await shard.start()
    create_task.assert_called_once_with(heartbeat.return_value)
    assert shard.heartbeat_task is create_task.return_value


@pytest.mark.asyncio
@mock.patch("asyncio.ensure_future")
async def test_restart_schedules_the_heartbeat(ensure_future):
    shard = Shard()
    shard._heartbeat = mock.Mock()
    await shard.restart()
    ensure_future.assert_called_once_with(shard._heartbeat.return_value)


@pytest.mark.asyncio
async def test_start_with_mocker(mocker):
    shard = Shard()
    create_task = mocker.patch("asyncio.create_task")
    mocker.patch.object(shard, "_heartbeat", mock.MagicMock())
    await shard.start()
    create_task.assert_called_once_with(shard._heartbeat.return_value)
