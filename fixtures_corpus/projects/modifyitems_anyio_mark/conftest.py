import inspect

import pytest


def pytest_collection_modifyitems(items):
    # Marks every coroutine test for anyio after collection: no per-test mark needed.
    for item in items:
        if inspect.iscoroutinefunction(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.anyio)


@pytest.fixture
def anyio_backend():
    return "asyncio"
