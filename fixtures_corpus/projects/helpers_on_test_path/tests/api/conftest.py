from helpers import aio_fixture

from app.client import ApiClient


@aio_fixture
async def client():
    yield ApiClient()
