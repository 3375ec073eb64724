import inspect

import pytest


def pytest_collection_modifyitems(items):
    # pytest-asyncio 0.21 (pinned in requirements-dev.txt) reads marks when the test runs.
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.asyncio)
