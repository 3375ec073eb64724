# `return` with a value in an async generator is a compile-time error.
import pytest


@pytest.fixture
async def resource():
    yield 1
    return 2  # error: ASL000
