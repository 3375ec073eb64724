# Project test helpers (not a test file: indexed, not linted): shared mark lists, aliases of
# marks and fixture decorators, and decorators that hand back the function they get.
import pytest
import pytest_asyncio

common_marks = [pytest.mark.filterwarnings("ignore::ResourceWarning")]
slow_marks = [*common_marks, pytest.mark.slow]
async_marks = [pytest.mark.asyncio]
# Built up after its assignment: what it holds is not what the assignment says.
late_marks = [pytest.mark.slow]
late_marks.append(pytest.mark.asyncio)

aio = pytest.mark.asyncio
anyio_mark = pytest.mark.anyio
aio_fixture = pytest_asyncio.fixture
fixture = pytest.fixture

REGISTRY = []


def tag(fn):
    # Returns the test itself: pytest still sees a coroutine function.
    fn.tagged = True
    return fn


def registered(name):
    # A factory of such decorators.
    def register(fn):
        REGISTRY.append((name, fn))
        return fn

    return register

