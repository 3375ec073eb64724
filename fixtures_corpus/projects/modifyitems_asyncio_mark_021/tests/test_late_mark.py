async def test_runs_with_a_late_mark():
    assert True
