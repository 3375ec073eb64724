import time

import pytest

time.sleep(0)  # module level: not inside a coroutine


@pytest.fixture
def settle():
    time.sleep(0.01)
    yield
    time.sleep(0.01)


def wait_a_bit():
    time.sleep(0.01)


def test_sync_test_may_block(settle):
    wait_a_bit()
    time.sleep(0.01)


class TestSync:
    def test_method(self):
        time.sleep(0.01)
