import asyncio

from app.cli import run_cli


def test_current_loop_from_autouse():
    assert run_cli(debug=True) == 1
    assert asyncio.get_event_loop().get_debug()
