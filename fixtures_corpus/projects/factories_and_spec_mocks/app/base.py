class BaseConnection:
    def __init__(self, url="memory://"):
        self.url = url
        self.data = {}

    @classmethod
    async def connect(cls, url="memory://"):
        conn = cls(url)
        await conn.ping()
        return conn

    async def ping(self):
        return True
