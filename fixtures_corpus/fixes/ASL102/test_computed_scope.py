"""No fix: which loop a fixture with a computed scope needs is not known before run time."""
import pytest


def pick_scope(fixture_name, config):
    return "session"


@pytest.fixture(scope=pick_scope)
async def computed_scope():
    return 1
