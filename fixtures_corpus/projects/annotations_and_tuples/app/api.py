"""A client and a factory whose results are only evident from written types and tuples."""

_REGISTRY: dict = {}


class ApiClient:
    async def fetch(self, path):
        return path

    def url(self, path):
        return "http://testserver" + path


class Session:
    async def commit(self):
        pass


def build(name):
    return _REGISTRY.setdefault(name, ApiClient())


async def open_pair():
    client = ApiClient()
    session = Session()
    return client, session
