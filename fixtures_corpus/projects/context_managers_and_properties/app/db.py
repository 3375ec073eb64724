"""Objects that come out of async context managers, properties and annotated methods."""
import contextlib
import functools


class Session:
    async def commit(self):
        pass

    def close(self):
        pass


class Pool:
    def acquire(self):
        return _Acquire()


class _Acquire:
    async def __aenter__(self) -> Session:
        return Session()

    async def __aexit__(self, *exc):
        pass


class SessionMaker:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        pass

    async def commit(self):
        pass


@contextlib.asynccontextmanager
async def session_scope():
    yield Session()


class Repo:
    @property
    def session(self) -> Session:
        return Session()

    def get_session(self) -> Session:
        return Session()


async def fetch(x):
    return x



fetch_one = functools.partial(fetch, 1)
SESSION = Session()
