"""Sync entry point under test: it runs its work on the current loop, as command-line
tools written before ``asyncio.run`` do."""
import asyncio


async def serve(ticks):
    for _ in range(ticks):
        await asyncio.sleep(0)
    return ticks


def run_cli(ticks=1, debug=False):
    loop = asyncio.get_event_loop()
    loop.set_debug(debug)
    return loop.run_until_complete(serve(ticks))
