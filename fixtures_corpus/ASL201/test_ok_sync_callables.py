from unittest.mock import MagicMock, Mock

import pytest

calls = []


def save(value):
    calls.append(value)


class Recorder:
    def record(self, value):
        calls.append(value)

    def record_twice(self, value):
        self.record(value)
        self.record(value)


def test_sync_function_calls():
    save(1)
    Recorder().record_twice(2)
    assert calls[-3:] == [1, 2, 2]


def test_mock_calls():
    callback = Mock()
    callback(1)
    magic = MagicMock()
    magic.method(2)
    callback.assert_called_once_with(1)


@pytest.mark.asyncio
async def test_sync_calls_inside_async_test():
    save(3)
    assert calls[-1] == 3
