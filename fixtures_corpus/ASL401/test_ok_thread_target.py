import asyncio
import threading

import pytest


async def fetch():
    return 1


@pytest.mark.asyncio
async def test_runs_a_second_loop_in_a_thread():
    def in_thread():
        # Handed to a worker thread: a second loop there is deliberate and works.
        return asyncio.run(fetch())

    assert await asyncio.to_thread(in_thread) == 1


class BackgroundServer:
    """A server run in its own thread with its own loop (a common test harness)."""

    def _run(self):
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(fetch())
        finally:
            loop.close()

    def start(self):
        thread = threading.Thread(target=self._run, daemon=True)
        thread.start()
        thread.join()


def test_background_server():
    BackgroundServer().start()



def record(fn):
    return fn


def test_benchmark_harness():
    @record
    def _run():
        # Handed to a harness by its decorator (pytest-benchmark's ``@benchmark``).
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(fetch())
        finally:
            loop.close()
