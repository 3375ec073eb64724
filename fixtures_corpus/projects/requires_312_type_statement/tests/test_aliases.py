# Valid for the Pythons the project supports (3.12+): never ASL000. An older
# interpreter cannot analyse it and says so on stderr (tests/test_syntax.py).
import pytest

from app.aliases import fetch

type Pair[T] = tuple[T, T]


@pytest.mark.asyncio
async def test_fetch() -> None:
    pair: Pair[int] = (1, 2)
    assert await fetch(pair) == (1, 2)
