import pytest

from app.plain import store
from app.services import settings


@pytest.mark.asyncio
async def test_submodule_function():
    assert store.get("a") == "a"
    assert await store.Store().get("b") == "b"


@pytest.mark.asyncio
async def test_reexported_sync_singleton():
    assert settings.get("x") == "X"
