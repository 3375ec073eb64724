"""The README's example: the five pitfalls asynclint is for, one test each."""
import asyncio
import time
from unittest.mock import Mock, patch

import pytest


async def test_fetch(client):  # error: ASL101
    assert (await client.fetch(1))["status"] == "paid"


@pytest.mark.asyncio
async def test_cancel(client):
    client.cancel(1)  # error: ASL201


@pytest.mark.asyncio
async def test_slow_gateway(client):
    time.sleep(0.1)  # error: ASL301
    assert await client.fetch(2)


def test_fetch_by_hand(client):
    assert asyncio.run(client.fetch(3))["id"] == 3  # error: ASL401


@pytest.mark.asyncio
async def test_notification_is_mocked(client):
    with patch("app.orders.notify", new=Mock()):  # error: ASL501
        assert await client.fetch(4)
