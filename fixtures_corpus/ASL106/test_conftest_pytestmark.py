# asynclint-test: filename=conftest.py
import pytest

# pytest never reads pytestmark from a conftest.py: the tests below it stay unmarked.
pytestmark = pytest.mark.asyncio  # error: ASL106


@pytest.fixture
def value():
    return 1
