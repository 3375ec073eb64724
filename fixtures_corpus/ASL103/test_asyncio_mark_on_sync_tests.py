import pytest
import pytest as pt


@pytest.mark.asyncio  # error: ASL103
def test_sync_function():
    assert sum([1, 2]) == 3


@pytest.mark.parametrize("value", [1, 2])
@pytest.mark.asyncio(loop_scope="function")  # error: ASL103
def test_sync_parametrized(value):
    assert value in (1, 2)


@pt.mark.asyncio  # error: ASL103
def test_aliased_pytest():
    assert True


class TestSyncMethods:
    @pytest.mark.asyncio  # error: ASL103
    def test_method(self):
        assert True


@pytest.mark.asyncio
async def test_async_neighbour():
    assert True
