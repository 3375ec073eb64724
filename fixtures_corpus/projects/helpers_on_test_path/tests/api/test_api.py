from helpers import aio, seed


@aio
async def test_seeded(client):
    seed(client, 2)  # error: ASL201
    assert client.pending() == 0


@aio
async def test_send_forgotten(client):
    client.send("hello")  # error: ASL201
    assert client.pending() == 0


@aio
async def test_done_right(client):
    await seed(client, 2)
    await client.send("hello")
    assert client.pending() == 3
