class Client:
    async def fetch(self, key):
        return key

    async def aclose(self):
        return None


class SyncClient:
    def fetch(self, key):
        return key
