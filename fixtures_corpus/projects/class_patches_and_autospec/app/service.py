class Repo:
    async def fetch(self, key):
        raise ConnectionError("no database in tests")

    def name(self):
        return "repo"


async def lookup(key):
    """The code under test: it makes its own Repo and awaits its coroutine method."""
    return await Repo().fetch(key)


def label():
    return Repo().name()


def forget(repo, key):
    """The code under test forgets to await: the coroutine is created and dropped."""
    coroutine = repo.fetch(key)
    if hasattr(coroutine, "close"):
        coroutine.close()
