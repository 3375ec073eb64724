import pytest


@pytest.mark.asyncio(scope="function")
async def test_function_scope():
    assert True


@pytest.mark.asyncio(
    scope="module",  # deprecated spelling
)
async def test_multiline():
    assert True
