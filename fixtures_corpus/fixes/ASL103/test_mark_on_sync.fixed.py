import pytest


def test_sync():
    assert True


@pytest.mark.parametrize("value", [1, 2])
def test_sync_parametrized(value):
    assert value


class TestSync:
    def test_method(self):
        assert True
