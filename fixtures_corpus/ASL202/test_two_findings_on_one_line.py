async def fetch():
    return 1


def test_statement_and_value_on_one_line():
    fetch(); assert fetch()  # error: ASL201, ASL202
