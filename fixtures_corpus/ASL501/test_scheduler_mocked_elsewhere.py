"""Look-alikes: the scheduler is mocked in another test, or something else than the
scheduler is mocked: the replaced async method's Mock reaches the real create_task, which
rejects it (TypeError: a coroutine was expected)."""
import asyncio
from unittest import mock

import pytest


class Poller:
    def __init__(self):
        self.task = None

    async def _poll(self):
        await asyncio.sleep(3600)

    async def start(self):
        self.task = asyncio.create_task(self._poll())
        await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_scheduler_mocked_here():
    poller = Poller()
    with mock.patch("asyncio.create_task") as create_task:
        poller._poll = mock.Mock()
        await poller.start()
    create_task.assert_called_once_with(poller._poll.return_value)


@pytest.mark.asyncio
async def test_scheduler_not_mocked_here():
    poller = Poller()
    poller._poll = mock.Mock()  # error: ASL501
    await poller.start()


@pytest.mark.asyncio
async def test_something_else_mocked():
    poller = Poller()
    with mock.patch("asyncio.gather"):
        with mock.patch.object(Poller, "_poll", mock.Mock()):  # error: ASL501
            await poller.start()
