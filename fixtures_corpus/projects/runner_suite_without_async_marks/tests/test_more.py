async def test_logout():
    assert True
