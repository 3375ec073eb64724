import httpx
import pytest


@pytest.mark.asyncio
async def test_module_functions():
    assert httpx.get("http://localhost:1/").status_code == 200  # error: ASL302


@pytest.mark.asyncio
async def test_sync_client():
    with httpx.Client(base_url="http://localhost:1") as client:
        client.get("/")  # error: ASL302
    assert httpx.Client().post("http://localhost:1/").is_success  # error: ASL302


@pytest.mark.asyncio
async def test_async_client():
    async with httpx.AsyncClient(base_url="http://localhost:1") as client:
        await client.get("/")


@pytest.mark.asyncio
async def test_in_process_transport_does_not_wait_on_the_network():
    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with httpx.Client(transport=transport) as client:
        assert client.get("http://testserver/").status_code == 200


@pytest.mark.asyncio
async def test_network_transport_still_blocks():
    client = httpx.Client(transport=httpx.HTTPTransport(retries=2))
    client.get("http://localhost:1/")  # error: ASL302
