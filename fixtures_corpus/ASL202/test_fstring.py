async def username():
    return "alice"


def test_fstring_interpolation():
    greeting = f"hello {username()}"  # error: ASL202
    assert greeting.startswith("hello <coroutine object")


def test_fstring_with_conversion():
    assert "alice" not in f"user={username()!r}"  # error: ASL202
