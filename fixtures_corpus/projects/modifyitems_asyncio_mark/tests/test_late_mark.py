async def test_never_runs():  # error: ASL101
    assert True
