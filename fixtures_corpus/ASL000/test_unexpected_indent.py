import asyncio


def test_first():
    assert True

        assert False  # error: ASL000
