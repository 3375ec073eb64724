class BaseClient:
    async def close(self):
        return None

    async def get(self, path):
        return {"path": path}

    def url(self, path):
        return "http://test" + path
