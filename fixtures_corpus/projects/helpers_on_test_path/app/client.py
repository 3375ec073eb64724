class ApiClient:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, text: str) -> None:
        self.sent.append(text)

    def pending(self) -> int:
        return len(self.sent)
