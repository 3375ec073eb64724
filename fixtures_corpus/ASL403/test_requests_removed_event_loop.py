import asyncio

import pytest


@pytest.mark.asyncio
async def test_async_request(event_loop):  # error: ASL403
    assert event_loop is asyncio.get_running_loop()


def test_sync_request(event_loop):  # error: ASL403
    assert event_loop is not None


@pytest.mark.usefixtures("event_loop")  # error: ASL403
def test_usefixtures():
    assert True


def test_getfixturevalue(request):
    loop = request.getfixturevalue("event_loop")  # error: ASL403
    assert loop is not None


class TestInClass:
    @pytest.mark.asyncio
    async def test_method(self, event_loop):  # error: ASL403
        assert event_loop is asyncio.get_running_loop()
