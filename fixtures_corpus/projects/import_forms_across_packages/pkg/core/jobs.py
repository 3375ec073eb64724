import functools

__all__ = ["run_job", "Queue", "traced", "retried", "cached_job"]


def traced(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        return await fn(*args, **kwargs)

    return wrapper


def retried(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return fn(*args, **kwargs)

        return wrapper

    return decorate


async def run_job(name):
    return name


@traced
async def traced_job(name):
    return name


@retried(3)
async def retried_job(name):
    return name


@functools.lru_cache
async def cached_job(name):
    return name


async def stream_jobs():
    yield "a"


def private_sync():
    return 1


class Queue:
    async def put(self, item):
        return item

    @staticmethod
    async def ping():
        return True
