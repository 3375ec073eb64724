class Response:
    async def read(self):
        return b""


class Request:
    def __init__(self, response_class=Response):
        self.response_class = response_class

    async def send(self) -> Response:
        return self.response_class()
