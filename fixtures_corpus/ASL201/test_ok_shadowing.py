import pytest


async def load():
    return "async"


async def process():
    return "async"


@pytest.fixture(name="load")
def load_fixture():
    return lambda: "sync"


def test_parameter_shadows_module_coroutine(load):
    # `load` here is the fixture's sync lambda, not the module-level coroutine function.
    load()


def test_local_function_shadows_module_coroutine():
    def process():
        return "sync"

    process()
