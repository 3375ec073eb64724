import pytest


@pytest.mark.asyncio(loop_scope="function")
async def test_function_scope():
    assert True


@pytest.mark.asyncio(
    loop_scope="module",  # deprecated spelling
)
async def test_multiline():
    assert True
