from unittest.mock import Mock, patch

import pytest


class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")


CLIENT = Client()


@pytest.mark.asyncio
async def test_patch_module_level_instance():
    with patch.object(CLIENT, "get", Mock(return_value=1)):  # error: ASL501
        assert await CLIENT.get("/") == 1
