import pytest

import pkg
import pkg.core.jobs
import pkg.core.jobs as jobs_module
from pkg import run
from pkg.core import Queue, run_job
from pkg.core.jobs import cached_job, retried_job, stream_jobs, traced_job


@pytest.mark.asyncio
async def test_module_attribute_chains():
    pkg.core.jobs.run_job("a")  # error: ASL201
    jobs_module.run_job("b")  # error: ASL201
    pkg.jobs.run_job("c")  # error: ASL201
    pkg.run("d")  # error: ASL201


@pytest.mark.asyncio
async def test_reexports_and_star_imports():
    run("a")  # error: ASL201
    run_job("b")  # error: ASL201
    Queue.ping()  # error: ASL201


@pytest.mark.asyncio
async def test_import_inside_function():
    from pkg.core.jobs import run_job as local_run

    local_run("x")  # error: ASL201


@pytest.mark.asyncio
async def test_decorators():
    traced_job("kept a coroutine by an async wrapper")  # error: ASL201
    retried_job("a sync wrapper passing the coroutine through")  # error: ASL201
    cached_job("lru_cache returns the coroutine too")  # error: ASL201


@pytest.mark.asyncio
async def test_async_generators_are_not_coroutines():
    stream_jobs()
    async for item in stream_jobs():
        assert item


def test_sync_helper():
    pkg.core.jobs.private_sync()
