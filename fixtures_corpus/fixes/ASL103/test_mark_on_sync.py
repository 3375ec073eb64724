import pytest


@pytest.mark.asyncio
def test_sync():
    assert True


@pytest.mark.parametrize("value", [1, 2])
@pytest.mark.asyncio(loop_scope="function")  # a trailing comment goes with the mark
def test_sync_parametrized(value):
    assert value


class TestSync:
    @pytest.mark.asyncio
    def test_method(self):
        assert True
