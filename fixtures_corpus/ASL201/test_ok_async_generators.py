import pytest


async def rows():
    yield 1
    yield 2


class TestStreams:
    async def _stream(self):
        yield "x"

    def test_calling_async_generator_function_is_not_a_coroutine_call(self):
        # An async generator function returns an async generator, not a coroutine:
        # nothing is lost by not iterating it here.
        rows()
        self._stream()

    @pytest.mark.asyncio
    async def test_iterated(self):
        assert [row async for row in rows()] == [1, 2]
        async for item in self._stream():
            assert item == "x"
