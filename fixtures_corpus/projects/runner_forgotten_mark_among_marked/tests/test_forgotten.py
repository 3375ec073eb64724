async def test_pong():  # error: ASL101
    assert True
