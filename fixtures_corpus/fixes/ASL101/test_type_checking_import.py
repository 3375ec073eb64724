from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest


async def test_a():
    pass
