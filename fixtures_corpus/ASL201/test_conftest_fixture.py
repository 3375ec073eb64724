# asynclint-test: filename=conftest.py
import pytest


async def start_server():
    return "server"


async def stop_server():
    return None


@pytest.fixture
def server():
    start_server()  # error: ASL201
    yield "server"
    stop_server()  # error: ASL201
