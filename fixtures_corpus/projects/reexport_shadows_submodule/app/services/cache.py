import asyncio


class Cache:
    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    async def get(self, key: str) -> str | None:
        await asyncio.sleep(0)
        return self.data.get(key)

    def key_for(self, slug: str) -> str:
        return f"short:{slug}"


cache = Cache()
