import asyncio
from unittest.mock import AsyncMock, Mock

import pytest


@pytest.mark.asyncio
async def test_charge_replaced_by_sync_mock(billing, gateway):
    gateway.charge = Mock(return_value="ch_9")  # error: ASL501
    with pytest.raises(TypeError):
        await billing.checkout(1000)


@pytest.mark.asyncio
async def test_charge_replaced_by_async_mock(billing, gateway):
    gateway.charge = AsyncMock(return_value="ch_9")
    gateway.fee = Mock(return_value=0)
    assert await billing.checkout(1000) == "ch_9"


@pytest.mark.asyncio
async def test_through_the_service(billing):
    billing.ctx.gateway.charge = Mock()  # error: ASL501
    with pytest.raises(TypeError):
        await billing.checkout(5)


@pytest.mark.asyncio
async def test_standby_sessions(ctx):
    for session in ctx.broker.standby:
        session.publish("x")  # error: ASL201
    assert ctx.broker.standby == []


@pytest.mark.asyncio
async def test_autospec_fixture(proto):
    await proto.send("SELECT 1")
    proto.send.assert_called_once_with("SELECT 1")  # error: ASL502
    proto.encode.assert_not_called()


@pytest.mark.asyncio
async def test_task_on_fixture_loop(running_loop, broker):
    running_loop.create_task(broker.beat())  # error: ASL204
    broker.loop.create_task(broker.beat())  # error: ASL204
    await asyncio.sleep(0.01)


@pytest.mark.asyncio
async def test_tasks_kept(running_loop, broker):
    first = running_loop.create_task(broker.beat())
    second = broker.loop.create_task(broker.beat())
    await asyncio.gather(first, second)


def test_key_ids(keys):  # error: ASL109
    assert keys


def test_names(names):
    assert names == ["alice"]
