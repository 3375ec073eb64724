"""Objects held by class attributes and dataclass fields of another module."""

from dataclasses import dataclass, field


class Cache:
    async def get(self, key):
        return key

    def size(self):
        return 0


class Settings:
    cache = Cache()


@dataclass
class Services:
    cache: Cache = field(default_factory=Cache)
    name: str = "services"
