import pytest

pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings("default")]


async def test_marked():
    assert True


class TestWithCommentedTuple:
    pytestmark = [  # applies to every test below
        pytest.mark.asyncio,
        pytest.mark.filterwarnings("ignore"),
    ]

    async def test_z(self):
        pass
