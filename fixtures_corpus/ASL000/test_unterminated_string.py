def test_message():
    message = "hello  # error: ASL000
    assert message
