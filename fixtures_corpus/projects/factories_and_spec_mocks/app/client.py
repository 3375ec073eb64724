import abc

from dataclasses import dataclass

from app.base import BaseConnection


@dataclass
class Record:
    key: str
    value: str


class KVClient(BaseConnection):
    async def get(self, key):
        return Record(key, self.data.get(key, ""))

    async def delete(self, key):
        return self.data.pop(key, None) is not None


class Sink:
    async def send(self, lines):
        return len(lines)


async def lookup(client, key):
    record = await client.get(key)
    return record.value


class Detector(abc.ABC):
    @abc.abstractmethod
    async def register(self, error):
        """An abstract coroutine: a spec'd mock gives it an AsyncMock."""
