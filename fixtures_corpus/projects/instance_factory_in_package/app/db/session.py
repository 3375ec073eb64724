class Session:
    def __init__(self, url: str) -> None:
        self.url = url
        self.pending: list[str] = []

    async def __aenter__(self) -> "Session":
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    def add(self, row: str) -> None:
        self.pending.append(row)

    async def commit(self) -> None:
        self.pending.clear()


class SessionMaker:
    """Calling the maker makes a session (``__call__``), as session factories do."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __call__(self) -> Session:
        return Session(self.url)
