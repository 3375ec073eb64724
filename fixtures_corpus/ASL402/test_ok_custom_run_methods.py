import pytest


class Pipeline:
    async def run(self):
        return "ran"


class Scheduler:
    def run(self, job):
        return job


@pytest.mark.asyncio
async def test_methods_named_run():
    assert await Pipeline().run() == "ran"
    assert Scheduler().run("job") == "job"
