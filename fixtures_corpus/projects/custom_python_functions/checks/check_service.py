# python_files / python_classes / python_functions come from tox.ini: check_* functions
# are the tests here, test_* functions are not.
import asyncio

import pytest


async def compute():
    await asyncio.sleep(0)
    return 42


async def check_unmarked():  # error: ASL101
    assert await compute() == 42


async def test_named_like_a_default_test_but_not_collected():
    assert await compute() == 42


class CheckGroup:
    async def check_method(self):  # error: ASL101
        assert await compute() == 42


class TestNotCollectedClass:
    async def check_method(self):
        assert await compute() == 42


@pytest.mark.asyncio
async def check_marked():
    assert await compute() == 42


def check_sync_calls_coroutine():
    compute()  # error: ASL201
