from typing import AsyncIterator

from app.base import BaseClient


class Client(BaseClient):
    def __init__(self, base="http://test"):
        self.base = base

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None

    async def post(self, path, data):
        return {"path": path, "data": data}

    def url(self, path):
        return self.base + path

    @classmethod
    def create(cls):
        return cls()

    @classmethod
    async def open(cls, base="http://test"):
        client = cls(base)
        return client


class SyncClient(BaseClient):
    def get(self, path):
        return {"path": path}


def make_client() -> Client:
    return Client()


async def connect() -> Client:
    return Client()


async def stream() -> AsyncIterator[int]:
    yield 1
