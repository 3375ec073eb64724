class Client:
    async def get(self, path):
        raise ConnectionError("no network in tests")

    def url(self, path):
        return f"http://localhost{path}"


async def ping(client):
    return await client.get("/ping")
