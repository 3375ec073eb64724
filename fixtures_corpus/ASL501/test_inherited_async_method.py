from unittest.mock import Mock, patch

import pytest


class BaseClient:
    async def get(self, path):
        raise ConnectionError("no network in tests")


class ApiClient(BaseClient):
    def base_url(self):
        return "http://localhost"


@pytest.mark.asyncio
async def test_method_found_through_base_class():
    with patch.object(ApiClient, "get", Mock(return_value=1)):  # error: ASL501
        assert await ApiClient().get("/") == 1
