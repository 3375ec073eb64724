async def numbers():
    yield 1


def test_numbers():
    async for number in numbers():  # error: ASL000
        assert number
