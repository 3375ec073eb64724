"""Children the fixture left alone or set to AsyncMocks are AsyncMocks: a called-check on
them passes though the code under test never awaited them."""
import pytest

from app.lookup import forget, lookup


@pytest.mark.asyncio
async def test_async_child_set_by_the_fixture(info):
    info.async_request.return_value = False
    forget(info)
    assert await lookup(info, "plug") is None
    info.async_request.assert_called_once_with("plug", 3000)  # error: ASL502
    info.async_close.assert_called_once_with()  # error: ASL502
