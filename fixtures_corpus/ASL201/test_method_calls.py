import pytest


class Repository:
    def __init__(self):
        self.rows = []

    async def insert(self, row):
        self.rows.append(row)

    def insert_all(self, rows):
        for row in rows:
            self.insert(row)  # error: ASL201


class TestRepository:
    items = []

    async def _load(self):
        self.items.append("loaded")

    @classmethod
    async def create(cls):
        return cls()

    @classmethod
    def prepare(cls):
        cls.create()  # error: ASL201

    @pytest.mark.asyncio
    async def test_load(self):
        self._load()  # error: ASL201
        assert self.items == []

    def test_sync_method(self):
        self._load()  # error: ASL201

    def test_prepare(self):
        self.prepare()

    def test_insert_all(self):
        repo = Repository()
        repo.insert_all([1, 2])
        assert repo.rows == []
