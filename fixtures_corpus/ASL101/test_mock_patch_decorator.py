import asyncio
import os
from unittest import mock

import pytest


# mock.patch wraps a coroutine function in a coroutine function: no runner is added.
@mock.patch.dict(os.environ, {"SERVICE_URL": "http://localhost"})
async def test_patched_environment():  # error: ASL101
    await asyncio.sleep(0)
    assert os.environ["SERVICE_URL"] == "http://localhost"


@mock.patch("os.getcwd", new=mock.Mock(return_value="/srv"))
async def test_patched_function():  # error: ASL101
    await asyncio.sleep(0)
    assert os.getcwd() == "/srv"
