from unittest.mock import AsyncMock, Mock, patch

import pytest


class Client:
    async def get(self):
        return 1

    async def post(self):
        return 2


@pytest.mark.asyncio
async def test_patched():
    with patch.object(Client, "get", AsyncMock(return_value=5)):
        assert await Client().get() == 5


@pytest.mark.asyncio
async def test_patched_class(mocker):
    mocker.patch.object(Client, "post", new_callable=AsyncMock)
