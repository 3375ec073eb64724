import asyncio
import time

_store = {"greeting": "hello"}


async def fetch(key):
    await asyncio.sleep(0)
    return _store.get(key)


async def seed(key, value):
    _store[key] = value


def fetch_sync(key):
    return _store.get(key)


async def get_report():
    greeting = await fetch("greeting")
    return f"report: {greeting}"


async def legacy_poll():
    # Application code is indexed, not linted: no finding here.
    time.sleep(0)
    return True
