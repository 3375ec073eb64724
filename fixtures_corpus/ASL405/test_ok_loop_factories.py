# asynclint-test: filename=conftest.py
import asyncio

import pytest


def pytest_asyncio_loop_factories(config, item):
    return {"default": asyncio.new_event_loop}


def event_loop_policy():
    # Not a fixture: pytest-asyncio never sees it.
    return None


@pytest.fixture
def policy_name():
    return "event_loop_policy"
