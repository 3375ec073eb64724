async def numbers():
    yield 1


def test_numbers():
    assert [n async for n in numbers()] == [1]  # error: ASL000
