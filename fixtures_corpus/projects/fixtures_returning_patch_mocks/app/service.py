class Repo:
    async def fetch(self, key):
        raise ConnectionError("no database in tests")

    def name(self):
        return "repo"


class Client:
    async def send(self, payload):
        raise ConnectionError("no network in tests")


client = Client()


async def load(key):
    raise ConnectionError("no network in tests")


def render(key):
    return str(key)


def refresh(key):
    """The code under test forgets to await: the coroutine is created and dropped."""
    coroutine = load(key)
    coroutine.close()


def save(repo, key):
    coroutine = repo.fetch(key)
    coroutine.close()


def notify(payload):
    coroutine = client.send(payload)
    coroutine.close()
