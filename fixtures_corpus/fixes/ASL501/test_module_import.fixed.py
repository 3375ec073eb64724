from unittest import mock

import pytest


class Client:
    async def get(self):
        return 1


@pytest.mark.asyncio
async def test_patched():
    with mock.patch.object(Client, "get", mock.AsyncMock(return_value=5)):
        assert await Client().get() == 5
