import asyncio
from asyncio import run as go, get_event_loop as gel

import pytest


async def fetch():
    return 1


def test_go():
    assert go(fetch()) == 1  # error: ASL401


def test_gel():
    loop = gel()  # error: ASL401
    assert loop


@pytest.mark.asyncio
async def test_gel_inside():
    assert gel()  # error: ASL404
