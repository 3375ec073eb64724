import pytest


def test_f(:  # error: ASL000
    assert True
