import pytest

from .. import service
from ..service import describe, fetch
from ..service import fetch as get_value
from .support import prepare


def test_parent_package_import():
    fetch("answer")  # error: ASL201


def test_relative_alias():
    get_value("answer")  # error: ASL201


def test_relative_module_import():
    service.fetch("answer")  # error: ASL201


def test_sibling_module():
    prepare()  # error: ASL201


def test_sync_function():
    assert describe("answer") == "key answer"


@pytest.mark.asyncio
async def test_awaited():
    assert await fetch("answer") == 42
    assert await service.fetch("answer") == 42
    assert await prepare() == "prepared"
