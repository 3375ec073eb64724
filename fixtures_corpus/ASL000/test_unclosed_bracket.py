import pytest


def test_values():
    values = [1, 2, 3  # error: ASL000
    assert sum(values) == 6


def test_other():
    assert True
