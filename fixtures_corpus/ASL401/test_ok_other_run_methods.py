import asyncio


class Job:
    def __init__(self):
        self.done = False

    def run(self):
        self.done = True
        return self


class Runner:
    def run(self, fn):
        return fn()


def test_methods_named_run_are_not_asyncio_run():
    assert Job().run().done
    assert Runner().run(lambda: 1) == 1


def test_references_are_not_calls():
    assert callable(asyncio.run)
    assert asyncio.new_event_loop is not None
