import inspect

import pytest


def pytest_collection_modifyitems(items):
    # pytest-asyncio decides at collection time: an asyncio mark added here comes too late.
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.asyncio)
