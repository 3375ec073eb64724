from typing import TYPE_CHECKING
import pytest

if TYPE_CHECKING:
    import pytest


@pytest.mark.asyncio
async def test_a():
    pass
