import unittest.mock as um
from unittest import mock

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")

    @staticmethod
    async def build():
        return Client()


@pytest.mark.asyncio
async def test_mock_module_attribute():
    with mock.patch.object(Client, "get", mock.Mock(return_value=1)):  # error: ASL501
        assert await Client().get("/") == 1


@pytest.mark.asyncio
async def test_dotted_module_alias():
    with um.patch.object(Client, "build", new=um.MagicMock()):  # error: ASL501
        assert await Client.build() is not None
