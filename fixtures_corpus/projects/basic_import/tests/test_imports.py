import app.service as svc
import pytest
from app import fetch as reexported_fetch
from app import service
from app.service import fetch, fetch_sync

from helpers import warm_cache


def test_from_import():
    fetch("greeting")  # error: ASL201


def test_module_alias():
    svc.fetch("greeting")  # error: ASL201


def test_from_package_import_module():
    service.fetch("greeting")  # error: ASL201


def test_reexported_name():
    reexported_fetch("greeting")  # error: ASL201


def test_value_use():
    assert svc.fetch("missing")  # error: ASL202


def test_helper_and_fixture(seeded):
    warm_cache()
    assert fetch_sync("color") is None


def test_sync_function_from_project():
    assert fetch_sync("greeting") == "hello"


@pytest.mark.asyncio
async def test_awaited():
    assert await fetch("greeting") == "hello"
    assert await svc.fetch("greeting") == "hello"
    assert await service.get_report() == "report: hello"
