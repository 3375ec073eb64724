"""A loop factory creates a loop for a runner to drive: anyio's ``loop_factory`` backend
option and pytest-asyncio's loop-factories hook ask for exactly this function."""
import asyncio

import pytest


def debug_loop_factory():
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    return loop


def plain_loop_factory():
    return asyncio.new_event_loop()


@pytest.fixture(
    params=[
        pytest.param(("asyncio", {"loop_factory": debug_loop_factory}), id="debug"),
        pytest.param(("asyncio", {"loop_factory": plain_loop_factory}), id="plain"),
    ]
)
def anyio_backend(request):
    return request.param


@pytest.mark.anyio
async def test_runs_in_the_factory_loop(anyio_backend):
    _, options = anyio_backend
    assert asyncio.get_running_loop().get_debug() is (options["loop_factory"] is debug_loop_factory)
