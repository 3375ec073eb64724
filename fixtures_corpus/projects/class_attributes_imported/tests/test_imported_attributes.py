import pytest

from app import Settings
from app.settings import Services


@pytest.mark.asyncio
async def test_attribute_of_an_imported_class():
    Settings.cache.get("a")  # error: ASL201
    assert Settings.cache.size() == 0


@pytest.mark.asyncio
async def test_dataclass_field_of_an_imported_class():
    services = Services()
    services.cache.get("b")  # error: ASL201
    assert services.name.upper() == "SERVICES"
    assert await services.cache.get("c") == "c"
