"""A plain def test runs no loop: the sync code under test can only hand the coroutine on
(to a scheduler the test mocks too), never await it, so a sync Mock is the right stand-in."""
import asyncio
from unittest.mock import Mock, patch


class Worker:
    async def stop(self):
        pass

    def schedule_stop(self):
        asyncio.ensure_future(self.stop())  # error: ASL204


def test_schedule_stop_hands_the_coroutine_on():
    worker = Worker()
    worker.stop = Mock()
    with patch("asyncio.ensure_future") as ensure_future:
        worker.schedule_stop()
    ensure_future.assert_called_once_with(worker.stop.return_value)


def test_a_sync_test_driving_a_loop_awaits():
    worker = Worker()
    worker.stop = Mock()  # error: ASL501
    asyncio.run(worker.stop())  # error: ASL401
