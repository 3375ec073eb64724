"""Sync tests of a sync entry point: with a fixture that installs a current loop (requested,
through another fixture, or by ``usefixtures`` on the test or its class),
``asyncio.get_event_loop()`` finds that loop. Without one, or after a fixture that clears
it, there is no current loop."""
import asyncio

import pytest

from app.cli import run_cli


@pytest.mark.usefixtures("quiet_loop")
class TestCli:
    def test_debug_flag(self):
        assert run_cli(debug=True) == 1
        assert asyncio.get_event_loop().get_debug()

    def test_default(self):
        assert run_cli(ticks=2) == 2
        assert not asyncio.get_event_loop().get_debug()


def test_requested_loop(installed_loop):
    assert run_cli() == 1
    assert not asyncio.get_event_loop().is_closed()


@pytest.mark.usefixtures("installed_loop")
def test_marked_with_the_fixture():
    assert not asyncio.get_event_loop().is_running()


def test_without_a_fixture():
    assert not asyncio.get_event_loop().is_closed()  # error: ASL401


def test_after_the_loop_is_cleared(no_current_loop):
    assert not asyncio.get_event_loop().is_closed()  # error: ASL401
